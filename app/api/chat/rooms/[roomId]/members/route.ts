// GET /api/chat/rooms/{id}/members: who is in the room. POST {user_ids}: add to a group room.
import { addMembers } from "@/lib/chat/membership";
import { listMembers } from "@/lib/chat/rooms";
import { addMembersBodySchema } from "@/lib/chat/schemas";
import { pathId } from "@/lib/http/params";
import { authedRoute, json } from "@/lib/http/route";
import { readJson } from "@/lib/http/parse";

export const GET = authedRoute<{ roomId: string }>("GET /api/chat/rooms/{id}/members", async ({ user, params }) =>
  json({ members: await listMembers(user.id, pathId(params.roomId, "roomId")) }),
);

export const POST = authedRoute<{ roomId: string }>("POST /api/chat/rooms/{id}/members", async ({ request, user, params, emit }) => {
  const roomId = pathId(params.roomId, "roomId");
  const body = await readJson(request, addMembersBodySchema);
  return json(emit(await addMembers(user.id, roomId, body.user_ids)));
});
