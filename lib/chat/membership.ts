// Creating rooms and changing who is in them. Each returns the room in the list shape.
import { db } from "@/lib/db";
import { AppError, invalidInput, notFound } from "@/lib/errors";
import { getRoomForUser, roomForEachParticipant } from "@/lib/chat/rooms";
import { publishRoomUpdated } from "@/lib/realtime/publish";
import { terminateUserConnections } from "@/lib/realtime/terminate";
import type { WireRoom } from "@/lib/chat/wire";

async function activeUserIds(ids: number[]): Promise<number[]> {
  const users = await db.user.findMany({ where: { id: { in: ids }, isActive: true }, select: { id: true } });
  return users.map((u) => u.id);
}

/** Tells the room's people (or only `userIds`) about the room, each with their own view. */
async function announce(roomId: number, userIds?: number[]) {
  const rooms = await roomForEachParticipant(roomId);
  await publishRoomUpdated(userIds ? rooms.filter((r) => userIds.includes(r.userId)) : rooms);
}

/** One direct room per pair, whoever opens it first; opening it again returns the same room. */
export async function createDirectRoom(userId: number, otherUserId: number): Promise<{ room: WireRoom; created: boolean }> {
  if (otherUserId === userId) throw invalidInput("cannot open a direct room with yourself");
  if ((await activeUserIds([otherUserId])).length === 0) throw notFound("User not found");
  const directKey = [userId, otherUserId].sort((a, b) => a - b).join(":");
  const created = await db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<Array<{ id: number }>>`
      INSERT INTO chat_chatroom (name, kind, direct_key) VALUES ('Direct', 'DIRECT', ${directKey})
      ON CONFLICT (direct_key) DO NOTHING RETURNING id`;
    if (!rows[0]) return null;
    await tx.chatParticipant.createMany({
      data: [userId, otherUserId].map((id) => ({ roomId: rows[0].id, userId: id })),
    });
    return rows[0].id;
  });
  const roomId = created ?? (await db.chatRoom.findUniqueOrThrow({ where: { directKey }, select: { id: true } })).id;
  if (created) await announce(roomId);
  return { room: await getRoomForUser(userId, roomId), created: created !== null };
}

export async function createGroupRoom(userId: number, name: string, memberIds: number[]): Promise<WireRoom> {
  const members = await activeUserIds([...new Set(memberIds.filter((id) => id !== userId))]);
  const room = await db.chatRoom.create({
    data: { name, kind: "GROUP", participants: { create: [userId, ...members].map((id) => ({ userId: id })) } },
    select: { id: true },
  });
  await announce(room.id);
  return getRoomForUser(userId, room.id);
}

/** The job's room, created on demand with the job's client and cleaner (one per job). */
export async function getOrCreateJobRoom(userId: number, jobId: number, isAdmin = false): Promise<WireRoom> {
  const job = await db.job.findUnique({ where: { id: jobId } });
  const parties = job ? [job.clientId, job.cleanerId].filter((id): id is number => id !== null) : [];
  if (!job || (!parties.includes(userId) && !isAdmin)) throw notFound("Job not found");
  const existing = await db.chatRoom.findUnique({ where: { jobId }, select: { id: true } });
  let roomId = existing?.id;
  if (!roomId) {
    const rows = await db.$queryRaw<Array<{ id: number }>>`
      INSERT INTO chat_chatroom (name, kind, job_id) VALUES (${`Job #${jobId} Chat`}, 'JOB', ${jobId})
      ON CONFLICT (job_id) DO NOTHING RETURNING id`;
    roomId = rows[0]?.id ?? (await db.chatRoom.findUniqueOrThrow({ where: { jobId }, select: { id: true } })).id;
  }
  await db.chatParticipant.createMany({ data: parties.map((id) => ({ roomId, userId: id })), skipDuplicates: true });
  if (!existing) await announce(roomId);
  if (!parties.includes(userId)) return (await roomForEachParticipant(roomId))[0].room;
  return getRoomForUser(userId, roomId);
}

async function assertGroupMember(userId: number, roomId: number) {
  const room = await db.chatRoom.findFirst({
    where: { id: roomId, participants: { some: { userId } } },
    select: { kind: true },
  });
  if (!room) throw notFound("Room not found");
  if (room.kind !== "GROUP") throw new AppError("conflict", "only group rooms have editable members");
}

export async function addMembers(userId: number, roomId: number, userIds: number[]): Promise<WireRoom> {
  await assertGroupMember(userId, roomId);
  const members = await activeUserIds(userIds);
  if (members.length !== new Set(userIds).size) throw notFound("User not found");
  const { count } = await db.chatParticipant.createMany({
    data: members.map((id) => ({ roomId, userId: id })),
    skipDuplicates: true,
  });
  if (count > 0) await announce(roomId, members);
  return getRoomForUser(userId, roomId);
}

/** Leave a group (yourself) or remove someone from it. */
export async function removeMember(userId: number, roomId: number, memberId: number): Promise<void> {
  await assertGroupMember(userId, roomId);
  const { count } = await db.chatParticipant.deleteMany({ where: { roomId, userId: memberId } });
  if (count === 0) throw notFound("Member not found");
  // Their open subscription to the room would otherwise keep receiving until they reconnect.
  await terminateUserConnections(memberId, "room.member_removed");
}
