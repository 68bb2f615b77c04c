import "server-only";
// Naming a group's owner: an admin action, in one transaction with its audit row, told to the
// room's clients after commit (the events it returns).
import type { SessionUser } from "@/lib/auth/credentials";
import { AppError, notFound } from "@/lib/errors";
import { log } from "@/lib/log";
import { roomMembers } from "@/lib/chat/rooms";
import { announceMembers, type MembersChange } from "@/lib/chat/membership";
import { type WithEvents, withEvents, withResult } from "@/lib/realtime/outbox";
import { withOutbox } from "@/lib/realtime/outbox-store";
import { assertAdmin } from "@/lib/admin/guard";
import { recordAudit, type AuditInput } from "@/lib/admin/audit";
import type { RoomOwnerInput } from "@/lib/admin/schemas";

/** The new owner must already be in the group. Naming the current owner again changes nothing. */
export async function changeRoomOwner(admin: SessionUser, input: RoomOwnerInput): Promise<WithEvents<MembersChange>> {
  const roomId = input.room_id;
  const produced = await withOutbox(async (tx) => {
    await assertAdmin(admin, tx);
    // The room row first, as every writer locks (room, then participants, then messages).
    const rows = await tx.$queryRaw<Array<{ kind: string; ownerId: number | null }>>`
      SELECT kind::text AS kind, owner_id AS "ownerId" FROM chat_chatroom WHERE id = ${roomId} FOR UPDATE`;
    const room = rows[0];
    if (!room) throw notFound("Room not found");
    if (room.kind !== "GROUP") throw new AppError("conflict", "Only group rooms have an owner");
    const member = await tx.chatParticipant.findUnique({ where: { roomId_userId: { roomId, userId: input.user_id } }, select: { id: true } });
    if (!member) throw new AppError("conflict", "The new owner must be a member of the group");
    let entry: AuditInput | null = null;
    if (room.ownerId !== input.user_id) {
      await tx.chatRoom.update({ where: { id: roomId }, data: { ownerId: input.user_id } });
      entry = { actorId: admin.id, action: "room.owner", targetType: "room", targetId: roomId, details: { from: room.ownerId, to: input.user_id } };
      await recordAudit(tx, entry);
    }
    const change: MembersChange = { roomId, ownerId: input.user_id, members: await roomMembers(roomId, tx) };
    const outcome: { change: MembersChange; entry: AuditInput | null } = { change, entry };
    return withEvents(outcome, entry ? await announceMembers(tx, change) : []);
  });
  const { change, entry } = produced.result;
  if (entry) log.info({ event: "admin.audit", action: entry.action, user_id: admin.id, target_type: "room", target_id: roomId }, "moderation action");
  return withResult(produced, change);
}
