// GET /api/admin/rooms?cursor=: every room, most recently active first, keyset pages.
import { adminRoute } from "@/lib/admin/route";
import { listAdminRooms } from "@/lib/admin/rooms";
import { roomListQuerySchema } from "@/lib/admin/schemas";
import { wireRoom } from "@/lib/wire/admin";
import { parseQuery } from "@/lib/http/params";
import { json } from "@/lib/http/route";

export const GET = adminRoute("GET /api/admin/rooms", async ({ request, admin }) => {
  const { rooms, nextCursor } = await listAdminRooms(admin, parseQuery(request.url, roomListQuerySchema));
  return json({ rooms: rooms.map(wireRoom), next_cursor: nextCursor });
});
