// Test data made through the same tables the app uses; each call gets unique names.
import { settleParticipantActivity } from "@/lib/chat/activity";
import { db } from "@/lib/db";
import type { RoomKind } from "@/lib/generated/prisma/client";

let seq = 0;
const unique = () => `${process.pid}_${Date.now().toString(36)}_${++seq}`;

export async function makeUser(
  overrides: { role?: "USER" | "ADMIN"; isActive?: boolean; passwordHash?: string; name?: string; emailVerifiedAt?: Date } = {},
) {
  const name = `u_${unique()}`;
  return db.user.create({
    data: { username: name, email: `${name}@test.example`, name: `User ${name}`, ...overrides },
    select: { id: true, username: true, name: true, role: true },
  });
}

/** A GROUP room is owned by its first member, as if they had created it. */
export async function makeRoom(memberIds: number[], kind: RoomKind = "GROUP", name = `Room ${unique()}`) {
  const room = await db.chatRoom.create({
    data: {
      name,
      kind,
      ownerId: kind === "GROUP" ? (memberIds[0] ?? null) : null,
      participants: { create: memberIds.map((userId) => ({ userId })) },
    },
    select: { id: true, name: true },
  });
  await settleParticipantActivity(db, room.id);
  return room;
}

/**
 * `count` messages in one room from `senderId`, "message 1".."message N" oldest first, in one
 * INSERT (the seq trigger numbers them): fast enough for thousands. Returns their ids, oldest first.
 */
export async function makeMessages(roomId: number, senderId: number, count: number, prefix = "message"): Promise<number[]> {
  const rows = await db.$queryRaw<{ id: bigint }[]>`
    INSERT INTO chat_message (room_id, sender_id, content, client_id, timestamp)
    SELECT ${roomId}::int, ${senderId}::int, ${prefix} || ' ' || n, gen_random_uuid(), now() - make_interval(secs => ${count}::int - n)
    FROM generate_series(1, ${count}::int) n ORDER BY n
    RETURNING id`;
  await db.$executeRaw`
    UPDATE chat_chatroom r SET last_message_content = m.content, last_message_time = m.timestamp, last_message_sender_id = m.sender_id
    FROM (SELECT content, timestamp, sender_id FROM chat_message WHERE room_id = ${roomId} ORDER BY id DESC LIMIT 1) m WHERE r.id = ${roomId}`;
  await settleParticipantActivity(db, roomId);
  return rows.map((r) => Number(r.id)).sort((a, b) => a - b);
}

/** A job between a client and a cleaner, no room: enough for each to reach the other (lib/safety/reach.ts). */
export async function makeJob(clientId: number, cleanerId: number, status: "open" | "booked" = "open") {
  return db.job.create({ data: { title: `Job ${unique()}`, clientId, cleanerId, status }, select: { id: true } });
}
