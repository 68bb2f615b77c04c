import "server-only";
// Creating rooms and changing who is in them. Each returns the room in the list shape, with the
// realtime events to deliver after commit.
import { db } from "@/lib/db";
import { AppError, invalidInput, notFound } from "@/lib/errors";
import { settleParticipantActivity } from "@/lib/chat/activity";
import { getRoomForUser, roomForEachParticipant, roomMembers, type RoomMember } from "@/lib/chat/rooms";
import { membersUpdated, roomUpdated, type RoomView } from "@/lib/chat/events";
import { type WithEvents, withEvents, withResult } from "@/lib/realtime/outbox";
import { type Tx, withOutbox } from "@/lib/realtime/outbox-store";
import type { OutgoingEvent } from "@/lib/wire/events";
import type { MembersChangeWire, WireRoom } from "@/lib/wire/rest";
import { assertReachable } from "@/lib/safety/reach";
import { blockersAmong } from "@/lib/safety/blocks";

/** The active ones among `ids`, in the order given (members join in the order they were picked). */
async function activeUserIds(ids: number[]): Promise<number[]> {
  const users = await db.user.findMany({ where: { id: { in: ids }, isActive: true }, select: { id: true } });
  const active = new Set(users.map((u) => u.id));
  return [...new Set(ids)].filter((id) => active.has(id));
}

/** The room's people told about the room, each with their own view (read in the transaction that made it). */
async function announce(tx: Tx, roomId: number): Promise<OutgoingEvent[]> {
  return roomUpdated(await roomForEachParticipant(roomId, tx));
}

/** One direct room per pair, whoever opens it first; opening it again returns the same room. */
export async function createDirectRoom(userId: number, otherUserId: number): Promise<WithEvents<{ room: WireRoom; created: boolean }>> {
  if (otherUserId === userId) throw invalidInput("cannot open a direct room with yourself");
  await assertReachable(userId, otherUserId);
  const directKey = [userId, otherUserId].sort((a, b) => a - b).join(":");
  const produced = await withOutbox(async (tx) => {
    const rows = await tx.$queryRaw<Array<{ id: number }>>`
      INSERT INTO chat_chatroom (name, kind, direct_key) VALUES ('Direct', 'DIRECT', ${directKey})
      ON CONFLICT (direct_key) DO NOTHING RETURNING id`;
    if (!rows[0]) return withEvents<number | null>(null);
    await tx.chatParticipant.createMany({
      data: [userId, otherUserId].map((id) => ({ roomId: rows[0].id, userId: id })),
    });
    await settleParticipantActivity(tx, rows[0].id);
    return withEvents<number | null>(rows[0].id, await announce(tx, rows[0].id));
  });
  const created = produced.result;
  const roomId = created ?? (await db.chatRoom.findUniqueOrThrow({ where: { directKey }, select: { id: true } })).id;
  return withResult(produced, { room: await getRoomForUser(userId, roomId), created: created !== null });
}

/** Someone who blocked the caller cannot be added by them: the same 404 as for a missing user. */
async function refuseBlockers(userId: number, ids: number[]): Promise<void> {
  if ((await blockersAmong(userId, ids)).size > 0) throw notFound("User not found");
}

/** A new group leaves out whoever blocked its creator, as it leaves out inactive users. */
export async function createGroupRoom(userId: number, name: string, memberIds: number[]): Promise<WithEvents<WireRoom>> {
  const active = await activeUserIds([...new Set(memberIds.filter((id) => id !== userId))]);
  const blockers = await blockersAmong(userId, active);
  const members = active.filter((id) => !blockers.has(id));
  const produced = await withOutbox(async (tx) => {
    const room = await tx.chatRoom.create({
      data: { name, kind: "GROUP", ownerId: userId, participants: { create: [userId, ...members].map((id) => ({ userId: id })) } },
      select: { id: true },
    });
    await settleParticipantActivity(tx, room.id);
    return withEvents(room.id, await announce(tx, room.id));
  });
  return withResult(produced, await getRoomForUser(userId, produced.result));
}

/** The job's room, created on demand with the job's client and cleaner (one per job). */
export async function getOrCreateJobRoom(userId: number, jobId: number, isAdmin = false): Promise<WithEvents<WireRoom>> {
  const job = await db.job.findUnique({ where: { id: jobId } });
  const parties = job ? [job.clientId, job.cleanerId].filter((id): id is number => id !== null) : [];
  if (!job || (!parties.includes(userId) && !isAdmin)) throw notFound("Job not found");
  const existing = await db.chatRoom.findUnique({ where: { jobId }, select: { id: true } });
  const produced = await withOutbox(async (tx) => {
    let roomId = existing?.id;
    if (!roomId) {
      const rows = await tx.$queryRaw<Array<{ id: number }>>`
        INSERT INTO chat_chatroom (name, kind, job_id) VALUES (${job.title}, 'JOB', ${jobId})
        ON CONFLICT (job_id) DO NOTHING RETURNING id`;
      roomId = rows[0]?.id ?? (await tx.chatRoom.findUniqueOrThrow({ where: { jobId }, select: { id: true } })).id;
    }
    await tx.chatParticipant.createMany({ data: parties.map((id) => ({ roomId, userId: id })), skipDuplicates: true });
    await settleParticipantActivity(tx, roomId);
    return withEvents(roomId, existing ? [] : await announce(tx, roomId));
  });
  const roomId = produced.result;
  if (!parties.includes(userId)) {
    // An admin (support) gets a participant's view of the room, but not the job's address.
    const room = (await roomForEachParticipant(roomId))[0].room;
    if (room.job) delete room.job.address;
    return withResult(produced, room);
  }
  return withResult(produced, await getRoomForUser(userId, roomId));
}

type LockedGroup = { ownerId: number | null; actorIsAdmin: boolean };

/**
 * Locks the group's room row for the rest of the transaction (lock order, as everywhere: room
 * row, then participant rows, then message rows), after checking the caller is in it.
 */
async function lockGroup(tx: Tx, userId: number, roomId: number): Promise<LockedGroup> {
  const rows = await tx.$queryRaw<Array<LockedGroup & { kind: string }>>`
    SELECT r.kind::text AS kind, r.owner_id AS "ownerId", u.role = 'ADMIN' AS "actorIsAdmin"
    FROM chat_chatroom r
    JOIN chat_chatparticipant p ON p.room_id = r.id AND p.user_id = ${userId}
    JOIN users u ON u.id = p.user_id
    WHERE r.id = ${roomId}
    FOR UPDATE OF r`;
  const room = rows[0];
  if (!room) throw notFound("Room not found");
  if (room.kind !== "GROUP") throw new AppError("conflict", "only group rooms have editable members");
  return room;
}

export type MembersChange = { roomId: number; ownerId: number | null; members: RoomMember[] };

export const toMembersWire = (change: MembersChange): MembersChangeWire => ({
  room_id: change.roomId,
  owner_id: change.ownerId,
  members: change.members,
});

/** The room told its new member list, and each remaining member their view of the room (read in the change's transaction). */
export async function announceMembers(tx: Tx, change: MembersChange, removed?: RoomView): Promise<OutgoingEvent[]> {
  return membersUpdated(toMembersWire(change), await roomForEachParticipant(change.roomId, tx), removed);
}

export async function addMembers(userId: number, roomId: number, userIds: number[]): Promise<WithEvents<WireRoom>> {
  const members = await activeUserIds(userIds);
  if (members.length !== new Set(userIds).size) throw notFound("User not found");
  await refuseBlockers(userId, members);
  const produced = await withOutbox(async (tx) => {
    const room = await lockGroup(tx, userId, roomId);
    const { count } = await tx.chatParticipant.createMany({
      data: members.map((id) => ({ roomId, userId: id })),
      skipDuplicates: true,
    });
    if (count === 0) return withEvents(null);
    await settleParticipantActivity(tx, roomId);
    const change: MembersChange = { roomId, ownerId: room.ownerId, members: await roomMembers(roomId, tx) };
    return withEvents(null, await announceMembers(tx, change));
  });
  return withResult(produced, await getRoomForUser(userId, roomId));
}

/** The longest-standing remaining member (earliest joined, then earliest row) or nobody. */
async function nextOwner(tx: Tx, roomId: number): Promise<number | null> {
  const next = await tx.chatParticipant.findFirst({ where: { roomId }, orderBy: [{ joinedAt: "asc" }, { id: "asc" }], select: { userId: true } });
  return next?.userId ?? null;
}

/**
 * Leave a group (memberId = yourself: anyone may) or remove someone from it (only its owner or
 * an admin who is in it). When the owner leaves, ownership passes to the longest-standing
 * remaining member. Returns the new member list.
 */
export async function removeMember(userId: number, roomId: number, memberId: number): Promise<WithEvents<MembersChange>> {
  return withOutbox(async (tx) => {
    const room = await lockGroup(tx, userId, roomId);
    if (memberId !== userId && room.ownerId !== userId && !room.actorIsAdmin) {
      throw new AppError("forbidden", "Only the group's owner or an admin can remove members");
    }
    // Their view of the room, read before their row goes: it is what their list drops.
    const removedView = await getRoomForUser(memberId, roomId, tx).catch(() => null);
    const { count } = await tx.chatParticipant.deleteMany({ where: { roomId, userId: memberId } });
    if (count === 0 || !removedView) throw notFound("Member not found");
    let ownerId = room.ownerId;
    if (memberId === room.ownerId) {
      ownerId = await nextOwner(tx, roomId);
      await tx.chatRoom.update({ where: { id: roomId }, data: { ownerId } });
    }
    const change: MembersChange = { roomId, ownerId, members: await roomMembers(roomId, tx) };
    const removed = { userId: memberId, room: { ...removedView, owner_id: ownerId } };
    // The live updates go out after commit (stored with the change), and the removed user's
    // realtime connections end (their open subscription to the room would otherwise keep
    // receiving until they reconnect).
    return withEvents(change, await announceMembers(tx, change, removed), [{ userId: memberId, reason: "room.member_removed" }]);
  });
}
