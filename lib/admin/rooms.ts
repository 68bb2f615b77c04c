import "server-only";
// Rooms for the admin pages: every room by recent activity, and one room in detail.
import type { SessionUser } from "@/lib/auth/credentials";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import { invalidInput, notFound } from "@/lib/errors";
import { messagePageSql, usernames } from "@/lib/chat/messages";
import { attachmentsOf } from "@/lib/attachments/attach";
import type { AttachmentRow } from "@/lib/wire/serialize";
import { assertAdmin } from "@/lib/admin/guard";
import { ADMIN_PAGE_SIZE } from "@/lib/admin/schemas";
import { isCursorDate, MAX_ROW_ID } from "@/lib/chat/schemas";
import { ADMIN_ROOM_NAME } from "@/lib/admin/room-name";
import { mentionedIds, mentionsAsText } from "@/lib/chat/mention-text";

export type AdminRoom = {
  id: number;
  name: string;
  kind: string;
  jobId: number | null;
  ownerId: number | null;
  participants: number;
  lastMessageTime: Date | null;
  updatedAt: Date;
  createdAt: Date;
};

const ROOM_COLUMNS = Prisma.sql`r.id, ${ADMIN_ROOM_NAME} AS name, r.kind::text AS kind, r.job_id AS "jobId", r.owner_id AS "ownerId",
  (SELECT count(*)::int FROM chat_chatparticipant c WHERE c.room_id = r.id) AS participants,
  r.last_message_time AS "lastMessageTime", r.updated_at AS "updatedAt", r.created_at AS "createdAt"`;

const encodeCursor = (room: AdminRoom) => Buffer.from(`${room.updatedAt.toISOString()}|${room.id}`).toString("base64url");

function decodeCursor(cursor: string): { updatedAt: Date; id: number } {
  const [time, id] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  const updatedAt = new Date(time ?? "");
  const roomId = Number(id);
  if (!isCursorDate(updatedAt) || !Number.isSafeInteger(roomId) || roomId <= 0 || roomId > MAX_ROW_ID) throw invalidInput("invalid cursor");
  return { updatedAt, id: roomId };
}

/** Newest activity first on chat_room_updated_idx (a send sets updated_at), keyset pages. */
export async function listAdminRooms(admin: SessionUser, input: { cursor?: string } = {}) {
  await assertAdmin(admin);
  const after = input.cursor ? decodeCursor(input.cursor) : null;
  const rows = await db.$queryRaw<AdminRoom[]>`
    SELECT ${ROOM_COLUMNS} FROM chat_chatroom r
    ${after ? Prisma.sql`WHERE (r.updated_at, r.id) < (${after.updatedAt}, ${after.id})` : Prisma.empty}
    ORDER BY r.updated_at DESC, r.id DESC LIMIT ${ADMIN_PAGE_SIZE + 1}`;
  const rooms = rows.slice(0, ADMIN_PAGE_SIZE);
  return { rooms, nextCursor: rows.length > ADMIN_PAGE_SIZE ? encodeCursor(rooms[rooms.length - 1]) : null };
}

export type AdminParticipant = {
  userId: number;
  username: string;
  isActive: boolean;
  unreadCount: number;
  lastReadMessageId: number | null;
  lastSeen: Date;
  joinedAt: Date;
};

export type AdminMessage = {
  id: number;
  senderId: number;
  senderUsername: string;
  /** Admins see a deleted message's content, marked as deleted; mention tokens read as "@Name". */
  content: string;
  timestamp: Date;
  editedAt: Date | null;
  deletedAt: Date | null;
  /** The text before each edit, oldest first. */
  edits: Array<{ oldContent: string; editedAt: Date }>;
  /** Its photos and files (a moderated message's are deleted with it). */
  attachments: AttachmentRow[];
};

export type AdminRoomDetail = {
  room: AdminRoom & { lastMessageContent: string };
  participants: AdminParticipant[];
  messages: AdminMessage[];
  olderBefore: number | null;
};

type MessageRow = { id: bigint; senderId: number; content: string; timestamp: Date; editedAt: Date | null; deletedAt: Date | null };

/** The room and its people, for the detail page and the export. */
export async function adminRoomHeader(roomId: number): Promise<Omit<AdminRoomDetail, "messages" | "olderBefore">> {
  const [room] = await db.$queryRaw<Array<AdminRoom & { lastMessageContent: string }>>`
    SELECT ${ROOM_COLUMNS}, r.last_message_content AS "lastMessageContent" FROM chat_chatroom r WHERE r.id = ${roomId}`;
  if (!room) throw notFound("Room not found");
  const participants = await db.chatParticipant.findMany({
    where: { roomId },
    orderBy: { id: "asc" },
    select: {
      userId: true,
      unreadCount: true,
      lastReadMessageId: true,
      lastSeen: true,
      joinedAt: true,
      user: { select: { username: true, isActive: true } },
    },
  });
  return {
    room,
    participants: participants.map((p) => ({
      userId: p.userId,
      username: p.user.username,
      isActive: p.user.isActive,
      unreadCount: p.unreadCount,
      lastReadMessageId: p.lastReadMessageId === null ? null : Number(p.lastReadMessageId),
      lastSeen: p.lastSeen,
      joinedAt: p.joinedAt,
    })),
  };
}

/**
 * The "<@id>" tokens of these texts as "@Name", for every account they name. Admins read any
 * version of a message, and an earlier version may name someone its current one no longer does.
 */
async function withMentionNames(texts: string[]): Promise<(text: string) => string> {
  const ids = [...new Set(texts.flatMap(mentionedIds))];
  if (ids.length === 0) return (text) => text;
  const users = await db.user.findMany({ where: { id: { in: ids } }, select: { id: true, username: true, name: true } });
  return (text) => mentionsAsText(text, users);
}

/** Message rows with their senders' usernames, edit histories and attachments (four queries at most for the lot). */
export async function toAdminMessages(rows: MessageRow[]): Promise<AdminMessage[]> {
  const [names, edits, attachments] = await Promise.all([
    usernames(rows.map((m) => m.senderId)),
    db.messageEdit.findMany({
      where: { messageId: { in: rows.filter((m) => m.editedAt).map((m) => m.id) } },
      orderBy: [{ messageId: "asc" }, { editedAt: "asc" }],
      select: { messageId: true, oldContent: true, editedAt: true },
    }),
    attachmentsOf(
      db,
      rows.map((m) => Number(m.id)),
    ),
  ]);
  const named = await withMentionNames([...rows.map((m) => m.content), ...edits.map((e) => e.oldContent)]);
  return rows.map((m) => ({
    id: Number(m.id),
    senderId: m.senderId,
    senderUsername: names.get(m.senderId) ?? "unknown",
    content: named(m.content),
    timestamp: m.timestamp,
    editedAt: m.editedAt,
    deletedAt: m.deletedAt,
    edits: edits.filter((e) => e.messageId === m.id).map(({ oldContent, editedAt }) => ({ oldContent: named(oldContent), editedAt })),
    attachments: attachments.get(Number(m.id)) ?? [],
  }));
}

/** The room, its people and one page of messages (newest first) on chat_room_id_idx. */
export async function getAdminRoom(admin: SessionUser, roomId: number, input: { before?: number } = {}): Promise<AdminRoomDetail> {
  await assertAdmin(admin);
  const [header, rows] = await Promise.all([
    adminRoomHeader(roomId),
    db.$queryRaw<MessageRow[]>(messagePageSql({ roomId, before: input.before, limit: ADMIN_PAGE_SIZE, originals: true })),
  ]);
  const page = rows.slice(0, ADMIN_PAGE_SIZE);
  return {
    ...header,
    messages: await toAdminMessages(page),
    olderBefore: rows.length > ADMIN_PAGE_SIZE ? Number(page[page.length - 1].id) : null,
  };
}
