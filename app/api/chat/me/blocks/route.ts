// GET /api/chat/me/blocks: the people I blocked, most recent first. POST {user_id}: block someone
// (idempotent; 400 for myself, 404 for nobody). The blocked person is never told.
import { blockUser, listBlocked } from "@/lib/safety/blocks";
import { blockBodySchema } from "@/lib/safety/schemas";
import { authedRoute, json } from "@/lib/http/route";
import { readJson } from "@/lib/http/parse";

export const GET = authedRoute("GET /api/chat/me/blocks", async ({ user }) => json({ users: await listBlocked(user.id) }));

export const POST = authedRoute("POST /api/chat/me/blocks", async ({ request, user }) => {
  const body = await readJson(request, blockBodySchema);
  return json(await blockUser(user.id, body.user_id), 201);
});
