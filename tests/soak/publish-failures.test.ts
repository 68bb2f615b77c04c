// Publish failures soak: users, each a tab with the real client store and pusher-js, send and read
// through the app's route handlers over HTTP while its realtime server refuses a quarter of the
// publish calls (seeded), with nothing else wrong: no disconnect, no reload, so no catch-up comes
// to the rescue. The outbox's drainer (as `npm start` runs it) must deliver what the immediate
// publishes missed: every tab ends with every message of its rooms exactly once, received live,
// with the right unread counts, and the outbox ends empty.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AppServer, startAppServer } from "./app-server";
import { type SoakDatabase, startSoakDatabase } from "./database";
import { type RealtimeProcess, startRealtimeProcess } from "./realtime-process";
import { makeUsersAndRooms, matches, pointAppAt, type SoakRun } from "./run";
import type { TabSnapshot } from "./tab-protocol";
import { everyTab, openTab, type Tab } from "./tabs";
import { readTruth, type Truth } from "./truth";

const CLIENTS = 10;
const RATE = 2;
const SENDING_MS = 15_000;
const FAILURE_RATE = 0.25;
const CONVERGE_TIMEOUT_MS = 30_000;

const env: { database?: SoakDatabase; realtime?: RealtimeProcess; app?: AppServer; tabs?: Tab[]; stopDrainer?: () => void } = {};
let snapshots: TabSnapshot[];
let truth: Truth;
let rooms: SoakRun["rooms"];
let injected: number;
let outbox: { unpublished: number; published: number; retried: number; givenUp: number };
let served: AppServer["served"];
let appErrors: string[];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeAll(async () => {
  env.database = await startSoakDatabase();
  env.realtime = await startRealtimeProcess({ REALTIME_PUBLISH_FAILURE_RATE: String(FAILURE_RATE), REALTIME_PUBLISH_FAILURE_SEED: "13" });
  appErrors = await pointAppAt(env.database, env.realtime);
  const { db } = await import("@/lib/db");
  const { sessionCookie } = await import("@/tests/support/http");
  // What instrumentation.ts starts in `npm run dev` / `npm start`.
  const { startOutboxDrainer } = await import("@/lib/realtime/drain-loop");
  env.stopDrainer = startOutboxDrainer(500);
  env.app = await startAppServer();
  const app = env.app;
  const made = await makeUsersAndRooms(CLIENTS);
  rooms = made.rooms;
  env.tabs = await Promise.all(
    made.users.map(async (me) => openTab({ origin: app.origin, cookie: await sessionCookie({ id: me.id, username: me.username }), me, rate: RATE })),
  );
  const tabs = env.tabs;
  await Promise.all(tabs.map((t) => t.opened));
  await everyTab(tabs, "ready");

  await everyTab(tabs, "sending", true);
  await everyTab(tabs, "viewing", true);
  await sleep(SENDING_MS);
  await everyTab(tabs, "sending", false);
  await everyTab(tabs, "viewing", false);
  await everyTab(tabs, "idle");

  // The drainer empties the outbox; then the stores must match the database.
  const unpublished = () => db.realtimeOutbox.count({ where: { publishedAt: null } });
  const deadline = Date.now() + CONVERGE_TIMEOUT_MS;
  while ((await unpublished()) > 0 && Date.now() < deadline) await sleep(250);
  truth = await readTruth(db);
  snapshots = await Promise.all(tabs.map((t) => t.snapshot()));
  while (!snapshots.every((s) => matches(s, truth)) && Date.now() < deadline) {
    await sleep(500);
    snapshots = await Promise.all(tabs.map((t) => t.snapshot()));
  }
  const [counts] = await db.$queryRaw<Array<{ unpublished: number; published: number; retried: number; given_up: number }>>`
    SELECT count(*) FILTER (WHERE published_at IS NULL)::int AS unpublished, count(*) FILTER (WHERE published_at IS NOT NULL)::int AS published,
      count(*) FILTER (WHERE attempts > 0)::int AS retried, count(*) FILTER (WHERE attempts >= 20)::int AS given_up
    FROM realtime_outbox`;
  outbox = { unpublished: counts.unpublished, published: counts.published, retried: counts.retried, givenUp: counts.given_up };
  const health = (await (await fetch(`http://${env.realtime.host}:${env.realtime.port}/health`)).json()) as { publish_failures_injected?: number };
  injected = health.publish_failures_injected ?? 0;
  served = app.served;
  console.log(
    JSON.stringify({
      soak: "publish failures",
      clients: CLIENTS,
      messages: truth.messages.length,
      publish_failures_injected: injected,
      outbox,
    }),
  );
}, 150_000);

afterAll(async () => {
  env.stopDrainer?.();
  await Promise.all((env.tabs ?? []).map((t) => t.close()));
  await env.app?.close();
  await env.realtime?.close();
  await env.database?.close();
}, 60_000);

describe("publish failures soak", () => {
  it("refused a share of the publish calls, and the outbox retried and then published every event", () => {
    expect(injected).toBeGreaterThan(20);
    expect(outbox.retried).toBeGreaterThan(0);
    expect(outbox).toMatchObject({ unpublished: 0, givenUp: 0 });
    expect(outbox.published).toBeGreaterThan(truth.messages.length);
  });

  it("answered every send and read, none with an error", () => {
    expect(appErrors).toEqual([]);
    expect(served.filter((s) => s.status >= 400)).toEqual([]);
    expect(truth.messages.length).toBeGreaterThan(CLIENTS * RATE * (SENDING_MS / 1000) * 0.5);
  });

  it("never reconnected, fell back to polling or reloaded: every tab stayed on its one connection", () => {
    for (const s of snapshots) {
      expect({ user: s.userId, connections: s.connectedAt.length, degraded: s.degradedSeen, state: s.pusherState, pending: s.pending }).toEqual({
        user: s.userId,
        connections: 1,
        degraded: false,
        state: "connected",
        pending: [],
      });
    }
  });

  it("left every tab with every message of its rooms exactly once, in order, each received live", () => {
    for (const s of snapshots) {
      const mine = rooms.filter((r) => r.members.includes(s.userId)).map((r) => r.id);
      expect(Object.keys(s.timelines).map(Number).sort()).toEqual([...mine].sort());
      let expected = 0;
      for (const roomId of mine) {
        const stored = truth.messageIds.get(roomId) ?? [];
        expect({ user: s.userId, room: roomId, ids: s.timelines[roomId] }).toEqual({ user: s.userId, room: roomId, ids: stored });
        expected += stored.length;
      }
      // Received as message.created over the WebSocket (not fetched): no catch-up ran after opening.
      expect({ user: s.userId, live: s.liveDeliveries }).toEqual({ user: s.userId, live: expected });
    }
  });

  it("left every unread count in every room list equal to the truth", () => {
    for (const s of snapshots) {
      for (const room of rooms.filter((r) => r.members.includes(s.userId))) {
        const unread = truth.unread(s.userId, room.id);
        expect({ user: s.userId, room: room.id, shown: s.unread[room.id] }).toEqual({ user: s.userId, room: room.id, shown: unread });
      }
    }
  });
});
