// POST /api/admin/rooms/{id}/owner {"user_id": n}: names a group's owner (a member of it), audited.
import { adminRoute } from "@/lib/admin/route";
import { changeRoomOwner } from "@/lib/admin/room-owner";
import { roomOwnerBodySchema } from "@/lib/admin/schemas";
import { toMembersWire } from "@/lib/chat/membership";
import { pathId } from "@/lib/http/params";
import { json } from "@/lib/http/route";
import { readJson } from "@/lib/http/parse";

export const POST = adminRoute<{ roomId: string }>("POST /api/admin/rooms/{id}/owner", async ({ request, admin, params, emit }) => {
  const roomId = pathId(params.roomId, "roomId");
  const { user_id } = await readJson(request, roomOwnerBodySchema);
  return json(toMembersWire(emit(await changeRoomOwner(admin, { room_id: roomId, user_id }))));
});
