import "server-only";
// Web Push subscriptions, one per device (browser profile): stored when the user turns push on
// there, deleted when they turn it off or the push service says it is gone (404/410).
import type { PushSubscriptionBody } from "@/lib/notify/schemas";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { notFound } from "@/lib/errors";
import { checkPushEndpoint } from "@/lib/notify/push-endpoint";

/** Devices per user; subscribing another drops the oldest. */
export const MAX_DEVICES = 20;

export const allowPrivateEndpoints = () => env().PUSH_ALLOW_PRIVATE_ENDPOINTS;

/**
 * Stores this device's subscription for the user. The endpoint names the device: one that was
 * someone else's (the browser profile signed in to another account) now notifies this user only.
 */
export async function savePushSubscription(userId: number, body: PushSubscriptionBody): Promise<{ endpoint: string }> {
  await checkPushEndpoint(body.endpoint, { allowPrivate: allowPrivateEndpoints() });
  const data = { userId, p256dh: body.keys.p256dh, auth: body.keys.auth };
  await db.$transaction(async (tx) => {
    await tx.pushSubscription.upsert({ where: { endpoint: body.endpoint }, create: { endpoint: body.endpoint, ...data }, update: data });
    const stale = await tx.pushSubscription.findMany({ where: { userId }, orderBy: { id: "desc" }, skip: MAX_DEVICES, select: { id: true } });
    if (stale.length) await tx.pushSubscription.deleteMany({ where: { id: { in: stale.map((s) => s.id) } } });
  });
  return { endpoint: body.endpoint };
}

/** Turns push off on this device; someone else's endpoint is not found. */
export async function deletePushSubscription(userId: number, endpoint: string): Promise<void> {
  const deleted = await db.pushSubscription.deleteMany({ where: { userId, endpoint } });
  if (deleted.count === 0) throw notFound("Subscription not found");
}

export async function deleteExpiredSubscription(id: bigint): Promise<void> {
  await db.pushSubscription.deleteMany({ where: { id } });
}
