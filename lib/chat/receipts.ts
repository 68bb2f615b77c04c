import "server-only";
// Read receipts: how far each other member has read a room, and the user's choice to share it
// (stored with the other settings: lib/users/settings.ts).
// Reciprocal, as in WhatsApp: someone who does not send receipts sees none, and is never shown.
import { assertParticipant } from "@/lib/chat/rooms";
import { db } from "@/lib/db";
import type { WireReadMark } from "@/lib/wire/rest";

export async function sendsReadReceipts(userId: number, client: Pick<typeof db, "user"> = db): Promise<boolean> {
  const user = await client.user.findUnique({ where: { id: userId }, select: { readReceipts: true } });
  return user?.readReceipts ?? false;
}

/** The other members' read marks in a room, for the viewer: none when the viewer shares none. */
export async function getReadMarks(userId: number, roomId: number): Promise<WireReadMark[]> {
  await assertParticipant(userId, roomId);
  if (!(await sendsReadReceipts(userId))) return [];
  const rows = await db.chatParticipant.findMany({
    where: { roomId, userId: { not: userId }, lastReadMessageId: { not: null }, user: { readReceipts: true } },
    select: { userId: true, lastReadMessageId: true, lastSeen: true },
    orderBy: { id: "asc" },
  });
  return rows.map((r) => ({ user_id: r.userId, up_to_id: Number(r.lastReadMessageId), read_at: r.lastSeen.toISOString() }));
}
