import "server-only";
// Room list and single-room reads, straight from the denormalized last-message fields.
import { Prisma } from "@/lib/generated/prisma/client";
import { db, type Db } from "@/lib/db";
import { invalidInput, notFound } from "@/lib/errors";
import { isCursorDate, MAX_ROW_ID } from "@/lib/chat/schemas";
import { toWireRoom, type RoomRow } from "@/lib/wire/serialize";
import type { WireRoom } from "@/lib/wire/rest";
import { ADDRESS_VISIBLE_STATUSES } from "@/lib/jobs/status";

type Client = Pick<Db, "$queryRaw">;

const utc = (column: Prisma.Sql) => Prisma.sql`to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

// A JOB room's job, one primary-key lookup per room; the address only for the job's own client
// and cleaner once booked (p.user_id is the viewer).
const JOB_COLUMN = Prisma.sql`(SELECT json_build_object('id', j.id, 'title', j.title,
    'scheduled_at', ${utc(Prisma.sql`j.scheduled_at`)}, 'area', j.area, 'status', j.status,
    'status_changed_at', ${utc(Prisma.sql`j.status_changed_at`)},
    'address', CASE WHEN j.status::text = ANY(${[...ADDRESS_VISIBLE_STATUSES]}::text[]) AND p.user_id IN (j.client_id, j.cleaner_id)
      THEN j.address END)
  FROM jobs j WHERE j.id = r.job_id) AS job`;

// A DIRECT room is named after the other person, as each viewer sees it.
const ROOM_COLUMNS = Prisma.sql`
  r.id, r.kind::text AS kind, r.job_id AS "jobId",
  CASE WHEN r.kind = 'DIRECT' THEN COALESCE(
    (SELECT ou.display_name FROM chat_chatparticipant op JOIN users ou ON ou.id = op.user_id
      WHERE op.room_id = r.id AND op.user_id <> p.user_id ORDER BY op.id LIMIT 1), r.name)
  ELSE r.name END AS name,
  r.last_message_content AS "lastMessageContent", r.last_message_time AS "lastMessageTime",
  r.last_message_sender_id AS "lastMessageSenderId", su.username AS "lastMessageSenderUsername",
  p.unread_count AS "unreadCount", p.unread_mention_count AS "unreadMentions", r.updated_at AS "updatedAt", r.owner_id AS "ownerId", r.last_seq AS "lastSeq",
  p.muted_until AS "mutedUntil", p.last_read_message_id AS "lastReadId", ${JOB_COLUMN}`;

type RoomCursor = { activity: Date; id: number };

export function encodeRoomCursor(room: WireRoom): string {
  const activity = room.last_message_time ?? room.updated_at;
  return Buffer.from(`${activity}|${room.id}`).toString("base64url");
}

function decodeRoomCursor(cursor: string): RoomCursor {
  const [activity, id] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  const date = new Date(activity ?? "");
  const roomId = Number(id);
  if (!isCursorDate(date) || !Number.isSafeInteger(roomId) || roomId <= 0 || roomId > MAX_ROW_ID) throw invalidInput("invalid cursor");
  return { activity: date, id: roomId };
}

/**
 * One SQL statement whatever the room count: a range scan of chat_part_user_activity_idx
 * (user_id, activity_at DESC, room_id DESC) that stops after the page, rooms by primary key.
 * activity_at is the room's COALESCE(last_message_time, updated_at), kept on the participant row
 * (lib/chat/activity.ts), so the cursor from a room's wire fields still names the same place.
 */
export async function listRooms(
  input: { userId: number; limit: number; cursor?: string },
  client: Client = db,
): Promise<{ rooms: WireRoom[]; nextCursor: string | null }> {
  const after = input.cursor ? decodeRoomCursor(input.cursor) : null;
  const rows = await client.$queryRaw<RoomRow[]>`
    SELECT ${ROOM_COLUMNS}
    FROM chat_chatparticipant p
    JOIN chat_chatroom r ON r.id = p.room_id
    LEFT JOIN users su ON su.id = r.last_message_sender_id
    WHERE p.user_id = ${input.userId}
    ${after ? Prisma.sql`AND (p.activity_at, p.room_id) < (${after.activity}, ${after.id})` : Prisma.empty}
    ORDER BY p.activity_at DESC, p.room_id DESC
    LIMIT ${input.limit + 1}`;
  const rooms = rows.slice(0, input.limit).map(toWireRoom);
  const nextCursor = rows.length > input.limit ? encodeRoomCursor(rooms[rooms.length - 1]) : null;
  return { rooms, nextCursor };
}

/** The room as `userId` sees it in the list, or not_found when they are not a participant. */
export async function getRoomForUser(userId: number, roomId: number, client: Client = db): Promise<WireRoom> {
  const rows = await client.$queryRaw<RoomRow[]>`
    SELECT ${ROOM_COLUMNS}
    FROM chat_chatparticipant p
    JOIN chat_chatroom r ON r.id = p.room_id
    LEFT JOIN users su ON su.id = r.last_message_sender_id
    WHERE p.user_id = ${userId} AND p.room_id = ${roomId}`;
  if (!rows[0]) throw notFound("Room not found");
  return toWireRoom(rows[0]);
}

/** Same answer for "no such room" and "not yours": nobody learns a room exists. */
export async function assertParticipant(userId: number, roomId: number, client: Pick<Db, "chatParticipant"> = db) {
  const participant = await client.chatParticipant.findUnique({
    where: { roomId_userId: { roomId, userId } },
    select: { id: true, lastReadMessageId: true, unreadCount: true, unreadMentionCount: true },
  });
  if (!participant) throw notFound("Room not found");
  return participant;
}

export async function totalUnread(userId: number): Promise<number> {
  const result = await db.chatParticipant.aggregate({ where: { userId }, _sum: { unreadCount: true } });
  return result._sum.unreadCount ?? 0;
}

export type RoomMember = { id: number; username: string; name: string };

export async function listMembers(userId: number, roomId: number): Promise<RoomMember[]> {
  await assertParticipant(userId, roomId);
  return roomMembers(roomId);
}

/** Everyone in the room, in the order they joined (no access check: callers have made it). */
export async function roomMembers(roomId: number, client: Pick<Db, "chatParticipant"> = db): Promise<RoomMember[]> {
  const rows = await client.chatParticipant.findMany({
    where: { roomId },
    orderBy: { id: "asc" },
    select: { user: { select: { id: true, username: true, name: true } } },
  });
  return rows.map((r) => r.user);
}

/** The room as each of its participants sees it (their name for it, their unread count): one statement. */
export async function roomForEachParticipant(roomId: number, client: Client = db): Promise<Array<{ userId: number; room: WireRoom }>> {
  const rows = await client.$queryRaw<Array<RoomRow & { userId: number }>>`
    SELECT p.user_id AS "userId", ${ROOM_COLUMNS}
    FROM chat_chatparticipant p
    JOIN chat_chatroom r ON r.id = p.room_id
    LEFT JOIN users su ON su.id = r.last_message_sender_id
    WHERE p.room_id = ${roomId}`;
  return rows.map(({ userId, ...row }) => ({ userId, room: toWireRoom(row) }));
}
