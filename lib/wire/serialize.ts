// Database rows to the REST wire shapes (lib/wire/rest.ts): the snake_case JSON is produced here
// and nowhere else, typed by the schemas the browser and the tests parse it with.
import type { AssignJobResult } from "@/lib/jobs/assignment";
import { isJobRoomReadOnly, type JobStatus } from "@/lib/jobs/status";
import type { WireAssignment, WireAttachment, WireJob, WireMention, WireMessage, WireMessagePage, WireReply, WireRoom } from "@/lib/wire/rest";

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
  /** The quote of the message this one replies to (lib/chat/replies.ts), or null. */
  replyTo: WireReply | null;
  /** Recorded mentions (lib/chat/mentions.ts); none when left out. */
  mentions?: WireMention[];
  /** Ready attachments, in order; left out means none. */
  attachments?: AttachmentRow[];
  /** Set on the send's answer when contact details were masked (lib/safety/contact-mask.ts). */
  contactMasked?: boolean;
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
  unreadMentions: number;
  updatedAt: Date;
  ownerId: number | null;
  lastSeq: number;
  mutedUntil: Date | null;
  lastReadId: bigint | number | null;
  /** JOB rooms: the job as JSON from SQL, the address already left out for this viewer. */
  job?: JobJson | null;
};

/** A job as lib/chat/rooms.ts selects it (json_build_object): times as ISO text in UTC. */
export type JobJson = {
  id: number;
  title: string;
  scheduled_at: string | null;
  area: string | null;
  status: JobStatus;
  status_changed_at: string;
  address: string | null;
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
    reply_to: m.replyTo,
    mentions: deleted ? [] : (m.mentions ?? []),
    attachments: deleted ? [] : (m.attachments ?? []).map(toWireAttachment),
    ...(m.contactMasked ? { contact_masked: true } : {}),
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
    unread_mentions: r.unreadMentions,
    updated_at: r.updatedAt.toISOString(),
    owner_id: r.ownerId,
    last_seq: r.lastSeq,
    muted_until: r.mutedUntil && r.mutedUntil.getTime() > Date.now() ? r.mutedUntil.toISOString() : null,
    last_read_id: Number(r.lastReadId ?? 0),
    ...(r.job ? { job: toWireJob(r.job) } : {}),
  };
}

export function toWireJob(j: JobJson, now = Date.now()): WireJob {
  return {
    id: j.id,
    title: j.title,
    scheduled_at: j.scheduled_at,
    area: j.area,
    status: j.status,
    status_changed_at: j.status_changed_at,
    read_only: isJobRoomReadOnly(j.status, new Date(j.status_changed_at), now),
    ...(j.address !== null ? { address: j.address } : {}),
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

export function toWireAssignment(a: AssignJobResult): WireAssignment {
  return {
    job_id: a.jobId,
    client_id: a.clientId,
    cleaner_id: a.cleanerId,
    status: a.status,
    status_changed_at: a.statusChangedAt.toISOString(),
    room_id: a.roomId,
    changed: a.changed,
    added_user_ids: a.added,
    removed_user_ids: a.removed,
  };
}
