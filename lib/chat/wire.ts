// The seed's snake_case wire format, produced here and nowhere else.

export type WireUser = { id: number; username: string };

export type WireMessage = {
  id: number;
  room_id: number;
  sender: WireUser;
  content: string;
  timestamp: string;
  client_id: string;
  is_read: boolean;
  edited_at: string | null;
  deleted: boolean;
};

export type WireRoom = {
  id: number;
  name: string;
  kind: "DIRECT" | "GROUP" | "JOB";
  job_id: number | null;
  last_message_content: string;
  last_message_time: string | null;
  last_message_sender: WireUser | null;
  unread_count: number;
  updated_at: string;
  /** GROUP rooms: who may remove other members (with admins); null for other kinds. */
  owner_id: number | null;
  /** Only on the room.updated sent to someone who just left or was removed from the room. */
  removed?: true;
};

export type WireMessagePage = {
  messages: WireMessage[];
  has_more: boolean;
  count: number;
  oldest_id: number | null;
  newest_id: number | null;
};

export type MessageRow = {
  id: bigint | number;
  roomId: number;
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
};

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function toWireMessage(m: MessageRow): WireMessage {
  const deleted = m.deletedAt !== null;
  return {
    id: Number(m.id),
    room_id: m.roomId,
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
