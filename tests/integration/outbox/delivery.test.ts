// The transactional outbox through the real door: sends over the route handler while the
// realtime API refuses every publish, then the drainer, checked by real pusher-js clients
// (subscribed through /api/pusher/auth) against the rows in the database.
import { randomUUID } from "node:crypto";
import type { Channel } from "pusher-js";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { POST as sendRoute } from "@/app/api/chat/rooms/[roomId]/messages/route";
import { POST as readRoute } from "@/app/api/chat/rooms/[roomId]/read/route";
import { db } from "@/lib/db";
import { roomChannel, userChannel } from "@/lib/realtime/channels";
import { drainOutbox, pruneOutbox } from "@/lib/realtime/drain";
import { startOutboxDrainer } from "@/lib/realtime/drain-loop";
import { MAX_ATTEMPTS } from "@/lib/realtime/outbox-store";
import type { RealtimeServer } from "@/realtime-server";
import { makeRoom, makeUser } from "@/tests/support/factories";
import { call, request, type Caller } from "@/tests/support/http";
import { disconnectAll, pusherClientFor, subscribed } from "@/tests/support/pusher-clients";
import { lastOutboxId, makeDue, outboxRowsAfter, ownRealtimeServer } from "./support";

let rt: { server: RealtimeServer; restore(): Promise<void> };
const onExit: Array<() => void> = [];

beforeAll(async () => {
  rt = await ownRealtimeServer();
});
afterEach(() => {
  for (const stop of onExit.splice(0)) stop();
  rt.server.failPublishes(0);
  disconnectAll();
});
afterAll(async () => {
  await rt.restore();
});

const send = async (caller: NonNullable<Caller>, roomId: number, content = "hello") => {
  const answer = await call(
    sendRoute,
    await request(caller, "POST", `/api/chat/rooms/${roomId}/messages`, { json: { content, client_id: randomUUID() } }),
    { roomId: String(roomId) },
  );
  expect(answer.status).toBe(201);
  return answer.body as { id: number };
};

/** Every message.created id the channel receives, in order of arrival. */
function ids(channel: Channel): number[] {
  const seen: number[] = [];
  channel.bind("message.created", (m: { id: number }) => seen.push(m.id));
  return seen;
}

async function twoInARoom() {
  const [alice, bob] = await Promise.all([makeUser(), makeUser()]);
  const room = await makeRoom([alice.id, bob.id]);
  return { alice, bob, roomId: room.id };
}

describe("a send whose publish fails", () => {
  it("keeps its events in the outbox, and the drainer delivers the message once to a subscribed client", async () => {
    const { alice, bob, roomId } = await twoInARoom();
    const seen = ids(await subscribed(pusherClientFor(bob, rt.server), roomChannel(roomId)));
    const before = await lastOutboxId();
    rt.server.failPublishes(1);

    const message = await send(alice, roomId, "kept for later");
    const stored = await outboxRowsAfter(before);
    expect(stored.length).toBeGreaterThan(0);
    expect(stored.some((r) => JSON.stringify(r.event).includes(`"id":${message.id}`))).toBe(true);
    for (const row of stored)
      expect({ published: row.publishedAt, attempts: row.attempts, error: row.lastError }).toMatchObject({
        published: null,
        attempts: 1,
        error: expect.any(String),
      });
    // The retry waits out its backoff.
    for (const row of stored) expect(row.nextAttemptAt.getTime()).toBeGreaterThan(row.createdAt.getTime());
    expect(rt.server.injectedFailures()).toBeGreaterThan(0);
    expect(seen).toEqual([]);

    rt.server.failPublishes(0);
    await expect
      .poll(async () => {
        await drainOutbox({ graceMs: 0 });
        return (await outboxRowsAfter(before)).filter((r) => !r.publishedAt).length;
      })
      .toBe(0);
    await expect.poll(() => seen).toEqual([message.id]);

    // A later send goes out at once, after it on the same channel: the first arrived once only.
    const later = await send(alice, roomId, "straight through");
    await expect.poll(() => seen).toEqual([message.id, later.id]);
  });

  it("retries with growing backoff, records each failure, and gives up after the last attempt", async () => {
    const { alice, roomId } = await twoInARoom();
    // A process with its own drain loop (as under `npm start`) kicks no drain after requests, so
    // only this test's drains touch the rows: the loop is started with an hour between ticks.
    onExit.push(startOutboxDrainer(3_600_000));
    const before = await lastOutboxId();
    rt.server.failPublishes(1);
    await send(alice, roomId);
    await makeDue(before);
    await drainOutbox({ graceMs: 0 });
    const second = await outboxRowsAfter(before);
    for (const row of second) {
      expect(row.attempts).toBe(2);
      expect(row.publishedAt).toBeNull();
      expect(row.lastError).toMatch(/did not accept/);
    }
    // 250 ms doubled per attempt, ±50 % jitter, capped at 60 s: the 11th try waits 30–90 s.
    await db.$executeRaw`UPDATE realtime_outbox SET attempts = 10, next_attempt_at = now() WHERE id > ${before}`;
    await drainOutbox({ graceMs: 0 });
    const waits = await db.$queryRaw<Array<{ s: number }>>`
      SELECT extract(epoch FROM next_attempt_at - now())::float8 AS s FROM realtime_outbox WHERE id > ${before}`;
    for (const { s } of waits) expect(s).toBeGreaterThan(25);
    for (const { s } of waits) expect(s).toBeLessThan(91);

    await db.$executeRaw`UPDATE realtime_outbox SET attempts = ${MAX_ATTEMPTS - 1}, next_attempt_at = now() WHERE id > ${before}`;
    await drainOutbox({ graceMs: 0 });
    await db.$executeRaw`UPDATE realtime_outbox SET next_attempt_at = now() WHERE id > ${before}`;
    // Given up: no longer claimed, even when due. A claim would count one more attempt (and, the
    // realtime server accepting again, publish it). The drain's own count is not asked: other test
    // files share the database, and their due rows are claimed by the same drain.
    await drainOutbox({ graceMs: 0 });
    const given = await outboxRowsAfter(before);
    expect(given.length).toBeGreaterThan(0);
    for (const row of given) expect({ attempts: row.attempts, published: row.publishedAt }).toEqual({ attempts: MAX_ATTEMPTS, published: null });
  });

  it("is stored in the same transaction: when its events cannot be stored, the message is not either", async () => {
    const { alice, roomId } = await twoInARoom();
    const count = () => db.message.count({ where: { roomId } });
    await db.$executeRaw`ALTER TABLE realtime_outbox RENAME TO realtime_outbox_away`;
    try {
      const answer = await call(
        sendRoute,
        await request(alice, "POST", `/api/chat/rooms/${roomId}/messages`, { json: { content: "all or nothing", client_id: randomUUID() } }),
        { roomId: String(roomId) },
      );
      expect(answer.status).toBe(500);
      expect(await count()).toBe(0);
    } finally {
      await db.$executeRaw`ALTER TABLE realtime_outbox_away RENAME TO realtime_outbox`;
    }
    await send(alice, roomId);
    expect(await count()).toBe(1);
  });
});

describe("the drainer", () => {
  it("publishes each row once with several drainers at work, every message reaching the client once", async () => {
    const { alice, bob, roomId } = await twoInARoom();
    const seen = ids(await subscribed(pusherClientFor(bob, rt.server), roomChannel(roomId)));
    const before = await lastOutboxId();
    rt.server.failPublishes(1);
    const sent: number[] = [];
    for (let i = 0; i < 12; i++) sent.push((await send(alice, roomId, `m${i}`)).id);
    rt.server.failPublishes(0);
    await makeDue(before);
    await Promise.all([drainOutbox({ graceMs: 0, limit: 5 }), drainOutbox({ graceMs: 0, limit: 5 }), drainOutbox({ graceMs: 0, limit: 5 })]);
    expect((await outboxRowsAfter(before)).filter((r) => !r.publishedAt)).toEqual([]);
    // Each row claimed by one drainer only: every message arrives, none twice.
    await expect.poll(() => [...seen].sort((a, b) => a - b)).toEqual(sent);
    expect(new Set(seen).size).toBe(seen.length);
  });

  it("drops a replay that a newer view of the same room already replaced, so the sidebar never goes back", async () => {
    const { alice, bob, roomId } = await twoInARoom();
    const bobClient = pusherClientFor(bob, rt.server);
    const views: string[] = [];
    (await subscribed(bobClient, userChannel(bob.id))).bind(
      "room.updated",
      (r: { id: number; unread_count: number; last_message_content: string }) => {
        if (r.id === roomId) views.push(`${r.unread_count} ${r.last_message_content}`);
      },
    );
    const seen = ids(await subscribed(bobClient, roomChannel(roomId)));
    const read = async (upToId: number) => {
      const answer = await call(readRoute, await request(bob, "POST", `/api/chat/rooms/${roomId}/read`, { json: { up_to_id: upToId } }), {
        roomId: String(roomId),
      });
      expect(answer.status).toBe(200);
    };
    const first = await send(alice, roomId, "first");
    await expect.poll(() => seen).toEqual([first.id]);
    // Bob's first read: its view of the room (0 unread, "first") is refused by the realtime API.
    const before = await lastOutboxId();
    rt.server.failPublishes(1);
    await read(first.id);
    const failed = (await outboxRowsAfter(before)).map((r) => r.id);
    expect(failed.length).toBeGreaterThan(0);
    rt.server.failPublishes(0);
    // A newer view of the same room goes out at once: a second message, read too.
    const second = await send(alice, roomId, "second");
    await expect.poll(() => seen).toEqual([first.id, second.id]);
    await read(second.id);
    await expect.poll(() => views).toEqual(["0 second"]);

    // Everything else marked published (as the drainer's grace would wait for); the refused view
    // is due now, and replaying it would take Bob's sidebar back to "first".
    await expect.poll(async () => (await outboxRowsAfter(before)).filter((r) => !r.publishedAt).map((r) => r.id)).toEqual(failed);
    await makeDue(before);
    await drainOutbox({ graceMs: 0 });
    const marker = await send(alice, roomId, "marker");
    await expect.poll(() => seen).toEqual([first.id, second.id, marker.id]);
    expect(views).toEqual(["0 second"]);
    const rows = await outboxRowsAfter(before);
    expect(rows.filter((r) => failed.includes(r.id)).map((r) => r.lastError)).toContain("superseded");
    await expect.poll(async () => (await outboxRowsAfter(before)).every((r) => r.publishedAt)).toBe(true);
  });

  it("prunes published rows after a day and given-up rows after a week, keeping the rest", async () => {
    const { alice, roomId } = await twoInARoom();
    const before = await lastOutboxId();
    await send(alice, roomId);
    await expect.poll(async () => (await outboxRowsAfter(before)).every((r) => r.publishedAt)).toBe(true);
    const rows = await outboxRowsAfter(before);
    const [old, given, recent] = [rows[0].id, rows[1]?.id ?? rows[0].id, rows.at(-1)!.id];
    await db.$executeRaw`UPDATE realtime_outbox SET published_at = now() - interval '2 days' WHERE id = ${old}`;
    if (given !== old) {
      await db.$executeRaw`UPDATE realtime_outbox SET published_at = NULL, attempts = ${MAX_ATTEMPTS}, created_at = now() - interval '8 days' WHERE id = ${given}`;
    }
    const pruned = await pruneOutbox();
    expect(pruned.published).toBeGreaterThanOrEqual(1);
    const left = (await outboxRowsAfter(before)).map((r) => r.id);
    expect(left).not.toContain(old);
    expect(left).not.toContain(given);
    if (recent !== old && recent !== given) expect(left).toContain(recent);
  });
});
