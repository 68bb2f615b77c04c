// Database rows to the REST wire shapes (lib/wire/rest.ts): the snake_case JSON is produced here
// and nowhere else, typed by the schemas the browser and the tests parse it with.
import type { WireMessage, WireMessagePage, WireRoom } from "@/lib/wire/rest";

export type MessageRow = {
  id: bigint | number;
  roomId: number;
  seq: number;
  senderId: number;
  senderUsername: string;
  content: string;
  timestamp: Date;
  clientId: string;
  isRead: boolean;
  editedAt: Date | null;
  deletedAt: Date | null;
};

export type RoomRow = {
  id: number;
  name: string;
  kind: WireRoom["kind"];
  jobId: number | null;
  lastMessageContent: string;
  lastMessageTime: Date | null;
  lastMessageSenderId: number | null;
  lastMessageSenderUsername: string | null;
  unreadCount: number;
  updatedAt: Date;
  ownerId: number | null;
  lastSeq: number;
  mutedUntil: Date | null;
};

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function toWireMessage(m: MessageRow): WireMessage {
  const deleted = m.deletedAt !== null;
  return {
    id: Number(m.id),
    room_id: m.roomId,
    seq: m.seq,
    sender: { id: m.senderId, username: m.senderUsername },
    content: deleted ? "" : m.content,
    timestamp: m.timestamp.toISOString(),
    client_id: m.clientId,
    is_read: m.isRead,
    edited_at: iso(m.editedAt),
    deleted,
  };
}

export function toWireRoom(r: RoomRow): WireRoom {
  return {
    id: r.id,
    name: r.name,
    kind: r.kind,
    job_id: r.jobId,
    last_message_content: r.lastMessageContent,
    last_message_time: iso(r.lastMessageTime),
    last_message_sender:
      r.lastMessageSenderId !== null && r.lastMessageSenderUsername !== null
        ? { id: r.lastMessageSenderId, username: r.lastMessageSenderUsername }
        : null,
    unread_count: r.unreadCount,
    updated_at: r.updatedAt.toISOString(),
    owner_id: r.ownerId,
    last_seq: r.lastSeq,
    muted_until: r.mutedUntil && r.mutedUntil.getTime() > Date.now() ? r.mutedUntil.toISOString() : null,
  };
}

export function toWirePage(messages: WireMessage[], hasMore: boolean): WireMessagePage {
  return {
    messages,
    has_more: hasMore,
    count: messages.length,
    oldest_id: messages[0]?.id ?? null,
    newest_id: messages.at(-1)?.id ?? null,
  };
}
