// POST /api/chat/me/push-subscriptions {endpoint, keys: {p256dh, auth}}: turn Web Push on for
// this device (201). DELETE {endpoint}: turn it off (204). The endpoint must be a public https
// push service (400 otherwise): our server will post to it.
import { pushSubscriptionBodySchema, pushUnsubscribeBodySchema } from "@/lib/notify/schemas";
import { deletePushSubscription, savePushSubscription } from "@/lib/notify/push-subscriptions";
import { readJson } from "@/lib/http/parse";
import { authedRoute, json } from "@/lib/http/route";

export const POST = authedRoute("POST /api/chat/me/push-subscriptions", async ({ request, user }) =>
  json(await savePushSubscription(user.id, await readJson(request, pushSubscriptionBodySchema)), 201),
);

export const DELETE = authedRoute("DELETE /api/chat/me/push-subscriptions", async ({ request, user }) => {
  await deletePushSubscription(user.id, (await readJson(request, pushUnsubscribeBodySchema)).endpoint);
  return new Response(null, { status: 204 });
});
