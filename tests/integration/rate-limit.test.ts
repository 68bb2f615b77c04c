import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { afterEach, describe, expect, inject, it, vi } from "vitest";
import { POST as sendRoute } from "@/app/api/chat/rooms/[roomId]/messages/route";
import { POST as channelAuthRoute } from "@/app/api/pusher/auth/route";
import { db } from "@/lib/db";
import { hit } from "@/lib/rate-limit";
import { call, request } from "@/tests/support/http";
import { makeRoom, makeUser } from "@/tests/support/factories";

const run = promisify(execFile);

/**
 * Freezes the clock (Date only: timers and I/O run) just after a 15-minute boundary, so a burst
 * of calls cannot straddle two windows, where the sliding estimate lets the last one through.
 */
function freezeClockAtWindowStart() {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(Math.floor(Date.now() / 900_000) * 900_000 + 1_000);
}

describe("rate limits (stored in PostgreSQL)", () => {
  afterEach(() => vi.useRealTimers());
  it("allows up to the limit in a window, then refuses with a retry time", async () => {
    const key = `t:${crypto.randomUUID()}`;
    const limit = { max: 5, windowSeconds: 60 };
    const start = 1_700_000_000_000;
    const results = [];
    for (let i = 0; i < 7; i++) results.push(await hit(key, limit, start + i));
    expect(results.map((r) => r.allowed)).toEqual([true, true, true, true, true, false, false]);
    expect(results[5].retryAfterSeconds).toBeGreaterThan(0);
    expect(results[5].retryAfterSeconds).toBeLessThanOrEqual(60);
    // Early in the next window the previous one still weighs 90%: floor(7 × 0.9) + 1 > 5…
    const windowStart = Math.floor(start / 60_000) * 60_000;
    expect((await hit(key, limit, windowStart + 60_000 + 6_000)).allowed).toBe(false);
    // …and two windows later it is free again.
    expect((await hit(key, limit, windowStart + 180_000)).allowed).toBe(true);
  });

  it("holds across two separate processes (app instances) sharing the database", async () => {
    const key = `shared:${crypto.randomUUID()}`;
    const bin = path.join(process.cwd(), "tests", "support", "bin", "rate-limit-hits.ts");
    const tsx = path.join(process.cwd(), "node_modules", ".bin", "tsx");
    const env = { ...process.env, DATABASE_URL: inject("databaseUrl"), LOG_LEVEL: "silent" };
    const [one, two] = await Promise.all(
      [0, 1].map(() => run(tsx, ["--conditions=react-server", bin, key, "15", "20", "600"], { env, cwd: process.cwd() })),
    );
    const allowed = JSON.parse(one.stdout).allowed + JSON.parse(two.stdout).allowed;
    expect(allowed).toBe(20);
  }, 60_000);

  it("answers the 21st send in 10 s with 429, Retry-After and a JSON error, storing nothing", async () => {
    freezeClockAtWindowStart();
    const [a, b] = await Promise.all([makeUser(), makeUser()]);
    const room = await makeRoom([a.id, b.id]);
    const send = async () =>
      call(sendRoute, await request(a, "POST", `/api/chat/rooms/${room.id}/messages`, { json: { content: "hi", client_id: crypto.randomUUID() } }), {
        roomId: String(room.id),
      });
    for (let i = 0; i < 20; i++) expect((await send()).status).toBe(201);
    const refused = await send();
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(refused.body.error.code).toBe("rate_limited");
    expect(await db.message.count({ where: { roomId: room.id } })).toBe(20);
  });

  it("answers channel authorizations beyond 120 a minute per user with 429, other users unaffected", async () => {
    freezeClockAtWindowStart();
    const [a, b] = await Promise.all([makeUser(), makeUser()]);
    const room = await makeRoom([a.id, b.id]);
    const authorize = async (user: typeof a) =>
      call(
        channelAuthRoute,
        await request(user, "POST", "/api/pusher/auth", {
          body: new URLSearchParams({ socket_id: "1234.5678", channel_name: `presence-room-${room.id}` }).toString(),
          headers: { "content-type": "application/x-www-form-urlencoded" },
        }),
        {},
      );
    for (let i = 0; i < 120; i++) expect((await authorize(a)).status).toBe(200);
    const refused = await authorize(a);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(refused.body.error.code).toBe("rate_limited");
    expect((await authorize(b)).status).toBe(200);
  });
  // Sign-in limits (failures per account and per IP, through the real next-auth route) are in
  // tests/integration/sign-in-limits.test.ts.
});
