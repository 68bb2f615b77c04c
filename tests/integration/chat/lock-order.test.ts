// Moderation deletes and mark-reads racing in one room, through their real route handlers: they
// take row locks in one order (room, participants, messages), so none deadlocks into a 5xx, and
// every participant's stored unread count ends equal to its definition.
import { beforeAll, describe, expect, it } from "vitest";
import { DELETE as deleteRoute } from "@/app/api/admin/messages/[messageId]/route";
import { POST as readRoute } from "@/app/api/chat/rooms/[roomId]/read/route";
import { db } from "@/lib/db";
import { sendMessage } from "@/lib/chat/send";
import { call, request } from "@/tests/support/http";
import { makeRoom, makeUser } from "@/tests/support/factories";
import { delivered } from "@/tests/support/delivered";

type User = Awaited<ReturnType<typeof makeUser>>;

const ROUNDS = 4;
const MESSAGES_PER_ROUND = 16;

describe("lock order: moderation delete and mark-read", () => {
  let admin: User;
  let people: User[];
  let roomId: number;
  beforeAll(async () => {
    [admin, ...people] = await Promise.all([makeUser({ role: "ADMIN" }), makeUser(), makeUser(), makeUser(), makeUser()]);
    roomId = (await makeRoom(people.map((p) => p.id))).id;
  });

  it("many concurrent deletes and reads on one room: no 5xx, unread counts exact", async () => {
    const statuses: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const ids: number[] = [];
      for (let i = 0; i < MESSAGES_PER_ROUND; i++) {
        const from = people[i % people.length];
        ids.push((await delivered(sendMessage({ userId: from.id, roomId, content: `r${round} m${i}`, clientId: crypto.randomUUID() }))).message.id);
      }
      // Every other message deleted by the admin while each person reads up through the same ids.
      const deletes = ids
        .filter((_, i) => i % 2 === 0)
        .map(async (id) => (await call(deleteRoute, await request(admin, "DELETE", `/api/admin/messages/${id}`), { messageId: String(id) })).status);
      const reads = people.flatMap((p, n) =>
        ids
          .filter((_, i) => i % 3 === n % 3)
          .map(async (id) => {
            const req = await request(p, "POST", `/api/chat/rooms/${roomId}/read`, { json: { up_to_id: id } });
            return (await call(readRoute, req, { roomId: String(roomId) })).status;
          }),
      );
      statuses.push(...(await Promise.all([...deletes, ...reads])));
    }
    expect(statuses.filter((s) => s !== 200)).toEqual([]);

    for (const p of people) {
      const stored = await db.chatParticipant.findUniqueOrThrow({ where: { roomId_userId: { roomId, userId: p.id } } });
      const counted = await db.message.count({
        where: { roomId, senderId: { not: p.id }, deletedAt: null, id: { gt: stored.lastReadMessageId ?? 0n } },
      });
      expect({ user: p.id, unread: stored.unreadCount }).toEqual({ user: p.id, unread: counted });
    }
    const deleted = await db.message.count({ where: { roomId, deletedAt: { not: null } } });
    expect(deleted).toBe((ROUNDS * MESSAGES_PER_ROUND) / 2);
  });
});
