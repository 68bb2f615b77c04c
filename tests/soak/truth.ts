// What the database says after the soak: each room's message ids, and each participant's unread
// count computed from the messages the way lib/chat/read.ts and send.ts define it (messages
// from others, not deleted, with an id above the participant's last read message).
import type { Db } from "@/lib/db";

export type StoredMessage = { id: number; roomId: number; senderId: number; clientId: string; content: string };

export type Truth = {
  messages: StoredMessage[];
  /** Room id → its message ids, ascending. */
  messageIds: Map<number, number[]>;
  unread(userId: number, roomId: number): number;
  /** The denormalized chat_chatparticipant.unread_count the room list is served from. */
  storedUnread(userId: number, roomId: number): number;
};

export async function readTruth(db: Db): Promise<Truth> {
  const rows = await db.message.findMany({
    select: { id: true, roomId: true, senderId: true, clientId: true, content: true, deletedAt: true },
    orderBy: { id: "asc" },
  });
  const participants = await db.chatParticipant.findMany({ select: { roomId: true, userId: true, unreadCount: true, lastReadMessageId: true } });
  const messages = rows.map((m) => ({
    id: Number(m.id),
    roomId: m.roomId,
    senderId: m.senderId,
    clientId: m.clientId,
    content: m.content,
    deleted: !!m.deletedAt,
  }));
  const messageIds = new Map<number, number[]>();
  for (const m of messages) {
    const ids = messageIds.get(m.roomId) ?? [];
    ids.push(m.id);
    messageIds.set(m.roomId, ids);
  }
  const participant = (userId: number, roomId: number) => {
    const p = participants.find((x) => x.userId === userId && x.roomId === roomId);
    if (!p) throw new Error(`user ${userId} is not in room ${roomId}`);
    return p;
  };
  return {
    messages,
    messageIds,
    unread(userId, roomId) {
      const lastRead = Number(participant(userId, roomId).lastReadMessageId ?? 0);
      return messages.filter((m) => m.roomId === roomId && m.senderId !== userId && !m.deleted && m.id > lastRead).length;
    },
    storedUnread: (userId, roomId) => participant(userId, roomId).unreadCount,
  };
}
