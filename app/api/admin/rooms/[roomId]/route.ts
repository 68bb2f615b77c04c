// GET /api/admin/rooms/{id}?before=: a room, its participants and a page of messages (deleted ones included).
import { adminRoute } from "@/lib/admin/route";
import { getAdminRoom } from "@/lib/admin/rooms";
import { roomDetailQuerySchema } from "@/lib/admin/schemas";
import { wireRoomDetail } from "@/lib/wire/admin";
import { parseQuery, pathId } from "@/lib/http/params";
import { json } from "@/lib/http/route";

export const GET = adminRoute<{ roomId: string }>("GET /api/admin/rooms/{id}", async ({ request, admin, params }) => {
  const roomId = pathId(params.roomId, "roomId");
  const query = parseQuery(request.url, roomDetailQuerySchema);
  return json(wireRoomDetail(await getAdminRoom(admin, roomId, query)));
});
