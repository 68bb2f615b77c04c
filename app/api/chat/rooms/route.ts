// GET /api/chat/rooms: the caller's rooms, newest activity first, cursor pages, from the denormalized last message.
// POST /api/chat/rooms: create a direct room ({kind:"DIRECT", user_id}) or a group room.
import { createDirectRoom, createGroupRoom } from "@/lib/chat/membership";
import { listRooms } from "@/lib/chat/rooms";
import { createRoomBodySchema, roomListQuerySchema } from "@/lib/chat/schemas";
import { parseQuery } from "@/lib/http/params";
import { authedRoute, json } from "@/lib/http/route";
import { readJson } from "@/lib/http/parse";

export const GET = authedRoute("GET /api/chat/rooms", async ({ request, user }) => {
  const query = parseQuery(request.url, roomListQuerySchema);
  const { rooms, nextCursor } = await listRooms({ userId: user.id, limit: query.limit, cursor: query.cursor });
  return json({ rooms, next_cursor: nextCursor });
});

export const POST = authedRoute("POST /api/chat/rooms", async ({ request, user, emit }) => {
  const body = await readJson(request, createRoomBodySchema);
  if (body.kind === "DIRECT") {
    const { room, created } = emit(await createDirectRoom(user.id, body.user_id));
    return json(room, created ? 201 : 200);
  }
  return json(emit(await createGroupRoom(user.id, body.name, body.member_ids)), 201);
});
