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
