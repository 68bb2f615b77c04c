// GET /api/cron/outbox through its route handler: only with `Authorization: Bearer $CRON_SECRET`
// (Vercel Cron's call), and then it publishes what a failed publish left in the outbox.
import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { POST as sendRoute } from "@/app/api/chat/rooms/[roomId]/messages/route";
import { GET as cronRoute } from "@/app/api/cron/outbox/route";
import { db } from "@/lib/db";
import { resetEnvCache } from "@/lib/env";
import { roomChannel } from "@/lib/realtime/channels";
import type { RealtimeServer } from "@/realtime-server";
import { makeRoom, makeUser } from "@/tests/support/factories";
import { call, request } from "@/tests/support/http";
import { disconnectAll, pusherClientFor, subscribed } from "@/tests/support/pusher-clients";
import { lastOutboxId, makeDue, outboxRowsAfter, ownRealtimeServer } from "./support";

const SECRET = "cron-secret-for-tests-0123456789";
let rt: { server: RealtimeServer; restore(): Promise<void> };
const saved = process.env.CRON_SECRET;

function setSecret(value: string | undefined) {
  if (value === undefined) delete process.env.CRON_SECRET;
  else process.env.CRON_SECRET = value;
  resetEnvCache();
}

beforeAll(async () => {
  rt = await ownRealtimeServer();
  setSecret(SECRET);
});
afterEach(() => {
  rt.server.failPublishes(0);
  disconnectAll();
});
afterAll(async () => {
  setSecret(saved);
  await rt.restore();
});

const cron = async (authorization?: string) =>
  call(cronRoute, await request(null, "GET", "/api/cron/outbox", { headers: authorization ? { authorization } : {} }));

describe("GET /api/cron/outbox", () => {
  it("answers 401 without the secret, with a wrong one, and while CRON_SECRET is unset", async () => {
    expect((await cron()).status).toBe(401);
    expect((await cron(`Bearer ${SECRET}x`)).status).toBe(401);
    expect((await cron(SECRET)).status).toBe(401);
    const refused = await cron("Bearer wrong");
    expect(refused.body).toEqual({ error: { code: "unauthorized", message: expect.any(String) } });
    setSecret(undefined);
    try {
      expect((await cron("Bearer ")).status).toBe(401);
      expect((await cron(`Bearer ${SECRET}`)).status).toBe(401);
    } finally {
      setSecret(SECRET);
    }
  });

  it("with the secret, publishes what a failed publish left, and a subscribed client gets it once", async () => {
    const [alice, bob] = await Promise.all([makeUser(), makeUser()]);
    const room = await makeRoom([alice.id, bob.id]);
    const seen: number[] = [];
    (await subscribed(pusherClientFor(bob, rt.server), roomChannel(room.id))).bind("message.created", (m: { id: number }) => seen.push(m.id));
    const before = await lastOutboxId();
    rt.server.failPublishes(1);
    const sent = await call(
      sendRoute,
      await request(alice, "POST", `/api/chat/rooms/${room.id}/messages`, { json: { content: "for the cron", client_id: randomUUID() } }),
      { roomId: String(room.id) },
    );
    expect(sent.status).toBe(201);
    rt.server.failPublishes(0);
    // Past the drainer's grace for fresh rows and the retry's backoff.
    await makeDue(before);
    await db.$executeRaw`UPDATE realtime_outbox SET created_at = now() - interval '5 seconds' WHERE id > ${before}`;

    const answer = await cron(`Bearer ${SECRET}`);
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ published: expect.any(Number), failed: 0, pruned: expect.any(Number) });
    expect(answer.body.published).toBeGreaterThanOrEqual(1);
    expect((await outboxRowsAfter(before)).filter((r) => !r.publishedAt)).toEqual([]);
    await expect.poll(() => seen).toEqual([sent.body.id]);
  });
});
