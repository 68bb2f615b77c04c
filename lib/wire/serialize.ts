// Database rows to the REST wire shapes (lib/wire/rest.ts): the snake_case JSON is produced here
// and nowhere else, typed by the schemas the browser and the tests parse it with.
import type { WireAttachment, WireMessage, WireMessagePage, WireRoom } from "@/lib/wire/rest";

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
  /** Ready attachments, in order; left out means none. */
  attachments?: AttachmentRow[];
};

export type AttachmentRow = {
  id: string;
  kind: "image" | "file" | null;
  name: string;
  contentType: string;
  size: number;
  width: number | null;
  height: number | null;
  thumbKey: string | null;
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
    attachments: deleted ? [] : (m.attachments ?? []).map(toWireAttachment),
  };
}

export const attachmentUrl = (id: string) => `/api/chat/attachments/${id}`;

export function toWireAttachment(a: AttachmentRow): WireAttachment {
  return {
    id: a.id,
    kind: a.kind ?? "file",
    name: a.name,
    content_type: a.contentType,
    size: a.size,
    width: a.width,
    height: a.height,
    url: attachmentUrl(a.id),
    thumb_url: a.thumbKey ? `${attachmentUrl(a.id)}/thumb` : null,
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
