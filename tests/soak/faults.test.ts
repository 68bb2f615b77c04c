// Recovery and consistency under faults: N users, each a tab with the real client store and pusher-js, send
// through the app while its realtime server is killed twice and its PostgreSQL stopped for 10 s.
// Afterwards every store must hold exactly the database's messages and unread counts, and the
// outage must have failed cleanly. Size from SOAK_* (tests/soak/config.ts); `npm run soak` is
// the long run.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROUTES } from "./app-server";
import { soakBudgetMs, soakConfig } from "./config";
import { computeFigures, type Figures, printFigures } from "./figures";
import { closeSoak, runSoak, type SoakEnvironment, type SoakRun } from "./run";

const config = soakConfig();
const env: Partial<SoakEnvironment> = {};
let run: SoakRun;
let figures: Figures;

beforeAll(async () => {
  run = await runSoak(config, env);
  figures = computeFigures(run);
  printFigures(figures);
}, soakBudgetMs(config));

afterAll(() => closeSoak(env), 60_000);

const dbFault = () => run.faults.find((f) => f.kind === "database")!;
const calls = () => run.snapshots.flatMap((s) => s.calls);
const unavailable = { error: { code: "unavailable", message: expect.any(String) } };
/** "Fails cleanly" means an answer within this, not a request left hanging. */
const HANG_MS = 5000;

describe("realtime fault soak", () => {
  it("killed the realtime server twice and every tab reconnected on its own", () => {
    expect(run.faults.filter((f) => f.kind === "realtime")).toHaveLength(2);
    expect(run.publishFailures).toBeGreaterThan(0);
    for (const s of run.snapshots) {
      expect({ user: s.userId, reconnects: s.connectedAt.length - 1, state: s.pusherState, unsubscribed: s.unsubscribed }).toEqual({
        user: s.userId,
        reconnects: expect.toSatisfy((n: number) => n >= 2),
        state: "connected",
        unsubscribed: [],
      });
      expect(s.connection).toEqual({ state: "connected", degraded: false });
    }
  });

  it("stored every attempted message exactly once", () => {
    const attempted = run.snapshots.flatMap((s) => s.attempted.map((a) => a.clientId)).sort();
    const stored = run.truth.messages.map((m) => m.clientId).sort();
    expect(attempted.length).toBeGreaterThan(config.clients * config.rate * config.seconds * 0.5);
    expect(new Set(attempted).size).toBe(attempted.length);
    expect(stored).toEqual(attempted);
    expect(figures.acknowledged).toBe(attempted.length);
    for (const s of run.snapshots) expect({ user: s.userId, pending: s.pending }).toEqual({ user: s.userId, pending: [] });
  });

  it("left every store holding exactly the database's messages of each of its rooms, ascending by id", () => {
    for (const s of run.snapshots) {
      const mine = run.rooms.filter((r) => r.members.includes(s.userId)).map((r) => r.id);
      expect(Object.keys(s.timelines).map(Number).sort()).toEqual([...mine].sort());
      for (const roomId of mine) {
        expect({ user: s.userId, room: roomId, ids: s.timelines[roomId] }).toEqual({
          user: s.userId,
          room: roomId,
          ids: run.truth.messageIds.get(roomId) ?? [],
        });
      }
    }
    expect({ missing: figures.missing, duplicated: figures.duplicated }).toEqual({ missing: 0, duplicated: 0 });
    expect(figures.delivered).toBe(figures.expectedDeliveries);
  });

  it("left every unread_count in every room list equal to the truth from the messages", () => {
    let checked = 0;
    let unreadSomewhere = 0;
    for (const s of run.snapshots) {
      for (const room of run.rooms.filter((r) => r.members.includes(s.userId))) {
        const truth = run.truth.unread(s.userId, room.id);
        expect({ user: s.userId, room: room.id, shown: s.unread[room.id], stored: run.truth.storedUnread(s.userId, room.id) }).toEqual({
          user: s.userId,
          room: room.id,
          shown: truth,
          stored: truth,
        });
        checked++;
        if (truth > 0) unreadSomewhere++;
      }
    }
    expect(checked).toBe(run.rooms.reduce((n, r) => n + r.members.length, 0));
    // Tabs read one room at a time, so the others keep unread messages: the check is not 0 = 0.
    expect(unreadSomewhere).toBeGreaterThan(0);
  });

  it("answered no request with a 5xx but 503, and refused no send outside the database outage and its recovery", () => {
    expect(run.crashes).toEqual([]);
    const errors = run.served.filter((s) => s.status >= 500);
    expect(
      errors.filter((s) => s.status !== 503),
      `the app logged:\n${run.appErrors.join("")}`,
    ).toEqual([]);
    // A send is refused (503) only from PostgreSQL stopping until the tabs' retries were answered.
    // Reads are not held to that: when the app is saturated (20 tabs retrying hundreds of sends
    // at once as the database returns, or a busy machine), a read whose transaction cannot get a
    // connection in time is told to retry rather than kept waiting; the figures count them.
    const sends = errors.filter((s) => s.method === "POST" && s.route === ROUTES.messages);
    expect(sends.filter((s) => s.at < dbFault().downAt || s.at > run.retriesDoneAt + 2000)).toEqual([]);
  });
});

describe("database fault: PostgreSQL stopped for a while mid-soak", () => {
  it("answered sends that reached the app while it was down with 503 JSON, quickly", () => {
    // Judged where the app saw them: a tab's sends can wait their turn in the tab (6 connections)
    // and reach the app after PostgreSQL is back. Arrivals early enough in the outage that it was
    // still down HANG_MS later must all have been refused within HANG_MS.
    const arrivals = run.served.filter(
      (s) => s.method === "POST" && s.route === ROUTES.messages && s.at - s.ms >= run.outage.from && s.at - s.ms <= run.outage.to - HANG_MS,
    );
    expect(arrivals.length).toBeGreaterThanOrEqual(config.clients);
    for (const s of arrivals) expect({ status: s.status, slow: s.ms >= HANG_MS }).toEqual({ status: 503, slow: false });
    // And what each tab got back, around the outage too (while stopping and starting): every
    // answer a clean one, every refusal the JSON error.
    for (const c of calls()) {
      expect([200, 201, 503]).toContain(c.status);
      if (c.status === 503) expect({ jsonError: c.jsonError, code: c.code }).toEqual({ jsonError: true, code: "unavailable" });
    }
  });

  it("showed each refused send as Failed, and retries after it came back stored each message exactly once", () => {
    const refused = calls().filter((c) => !c.retry && c.status === 503);
    expect(refused.length).toBeGreaterThan(0);
    // Each refusal left its message shown as Failed ("Not sent."). A saturated app can also leave
    // a send unanswered for 10 s, which shows it Failed as well; the retry covers both.
    const shown = new Map(run.snapshots.flatMap((s) => s.failedMarks).map((f) => [f.clientId, f.error]));
    for (const c of refused) expect({ clientId: c.clientId, shown: shown.get(c.clientId) }).toEqual({ clientId: c.clientId, shown: "Not sent." });
    const retries = calls().filter((c) => c.retry);
    const retried = new Set(retries.map((c) => c.clientId));
    expect(run.retriedAfterOutage).toBeGreaterThanOrEqual(refused.length);
    for (const c of refused) expect(retried.has(c.clientId)).toBe(true);
    // 201: stored now; 200: that client_id was stored already (the original got through).
    for (const r of retries) expect([200, 201]).toContain(r.status);
    for (const clientId of retried) expect(run.truth.messages.filter((m) => m.clientId === clientId)).toHaveLength(1);
  });

  it("answered GETs with 503 JSON during the outage and served them again after, in the same process", () => {
    expect(run.probes.during.length).toBeGreaterThanOrEqual(6);
    for (const p of run.probes.during) {
      expect({ path: p.path, status: p.status, body: p.body }).toEqual({ path: p.path, status: 503, body: unavailable });
      expect(p.retryAfter).toMatch(/^\d+$/);
      expect(p.ms).toBeLessThan(HANG_MS);
    }
    for (const p of run.probes.after) expect({ path: p.path, status: p.status }).toEqual({ path: p.path, status: 200 });
    // Sends made once it was back all went through on the first try.
    const later = calls().filter((c) => !c.retry && c.startedAt > dbFault().upAt);
    expect(later.length).toBeGreaterThan(0);
    for (const c of later) expect([200, 201]).toContain(c.status);
  });
});
