// Every writer that produces realtime events stores exactly those events in the outbox, in its
// own transaction (the ids come back with the result), and the delivery after commit marks them
// published. A refused change stores none.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/auth/credentials";
import { deleteMessage } from "@/lib/admin/moderation";
import { changeRoomOwner } from "@/lib/admin/room-owner";
import { addMembers, createDirectRoom, createGroupRoom, getOrCreateJobRoom, removeMember } from "@/lib/chat/membership";
import { markRead } from "@/lib/chat/read";
import { sendMessage } from "@/lib/chat/send";
import { db } from "@/lib/db";
import { deliver } from "@/lib/realtime/deliver";
import type { WithEvents } from "@/lib/realtime/outbox";
import { makeJob, makeUser } from "@/tests/support/factories";
import { lastOutboxId, outboxRowsAfter } from "./support";

/** Runs a writer; checks its events are the outbox rows it added, then that delivery published them. */
async function stored<T>(write: () => Promise<WithEvents<T>>): Promise<T> {
  const before = await lastOutboxId();
  const produced = await write();
  const rows = await outboxRowsAfter(before);
  expect(produced.events.length).toBeGreaterThan(0);
  expect(rows.map((r) => Number(r.id))).toEqual(produced.outboxIds);
  expect(rows.map((r) => r.event)).toEqual(JSON.parse(JSON.stringify(produced.events)));
  expect(rows.every((r) => r.publishedAt === null)).toBe(true);
  const result = await deliver(produced);
  // Marked a few ms after the publish, together with other requests' rows.
  await expect.poll(async () => (await outboxRowsAfter(before)).every((r) => r.publishedAt !== null)).toBe(true);
  return result;
}

describe("writers store their events in the outbox", () => {
  it("send, read, rooms, members, moderation and ownership", async () => {
    const [alice, bob, carol] = await Promise.all([makeUser(), makeUser(), makeUser()]);
    const admin = { ...(await makeUser({ role: "ADMIN" })), role: "ADMIN" } as SessionUser;
    await makeJob(alice.id, bob.id);
    await stored(() => createDirectRoom(alice.id, bob.id));
    const group = await stored(() => createGroupRoom(alice.id, "outbox group", [bob.id, admin.id]));
    await stored(() => addMembers(alice.id, group.id, [carol.id]));
    const message = await stored(() => sendMessage({ userId: bob.id, roomId: group.id, content: "hi", clientId: randomUUID() }));
    await stored(() => markRead({ userId: alice.id, roomId: group.id, upToId: message.message.id }));
    await stored(() => changeRoomOwner(admin, { room_id: group.id, user_id: bob.id }));
    await stored(() => removeMember(bob.id, group.id, carol.id));
    await stored(() => deleteMessage(admin, { message_id: message.message.id, reason: undefined }));
    const job = await db.job.create({ data: { title: "Outbox job", clientId: alice.id, cleanerId: bob.id }, select: { id: true } });
    await stored(() => getOrCreateJobRoom(alice.id, job.id));
  });

  it("stores nothing for a refused change or a retried send", async () => {
    const [alice, bob] = await Promise.all([makeUser(), makeUser()]);
    await makeJob(alice.id, bob.id);
    const { room } = await deliver(await createDirectRoom(alice.id, bob.id));
    const stranger = await makeUser();
    const before = await lastOutboxId();
    await expect(sendMessage({ userId: stranger.id, roomId: room.id, content: "no", clientId: randomUUID() })).rejects.toThrow(/not found/i);
    const clientId = randomUUID();
    await deliver(await sendMessage({ userId: alice.id, roomId: room.id, content: "once", clientId }));
    const afterFirst = await lastOutboxId();
    const retry = await sendMessage({ userId: alice.id, roomId: room.id, content: "once", clientId });
    expect(retry.result.created).toBe(false);
    expect(retry.events).toEqual([]);
    expect(await lastOutboxId()).toBe(afterFirst);
    expect(afterFirst).toBeGreaterThan(before);
  });
});
