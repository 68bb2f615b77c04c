// GET /api/metrics: bearer-token access, Prometheus text format, and the realtime gauges read
// from a real embedded realtime server.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import * as authRoute from "@/app/api/auth/[...nextauth]/route";
import { GET as metricsRoute } from "@/app/api/metrics/route";
import * as channelAuth from "@/app/api/pusher/auth/route";
import * as userAuth from "@/app/api/pusher/user-auth/route";
import { resetEnvCache } from "@/lib/env";
import { type MetricsSnapshot, metricsSnapshot } from "@/lib/admin/metrics-snapshot";
import { resetRealtimeStats } from "@/lib/realtime/stats";
import type { RealtimeServer } from "@/realtime-server";
import { call, request } from "@/tests/support/http";
import { makeUser } from "@/tests/support/factories";
import { startRealtime, stopRealtime, Subscriber } from "@/tests/integration/admin/support/realtime";

const TOKEN = "metrics-test-token-0123456789";
const SAMPLE =
  /^[a-zA-Z_:][a-zA-Z0-9_:]*(\{[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\]|\\.)*"(,[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\]|\\.)*")*\})? (-?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?|NaN|\+Inf|-Inf)$/;

const scrape = async (authorization?: string) =>
  call(metricsRoute, await request(null, "GET", "/api/metrics", { headers: authorization ? { authorization } : {} }));

function setToken(value: string | undefined) {
  if (value === undefined) delete process.env.METRICS_TOKEN;
  else process.env.METRICS_TOKEN = value;
  resetEnvCache();
}

/** name{labels} → value, from Prometheus text. */
function samples(text: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const line of text.split("\n")) {
    if (!line || line.startsWith("#")) continue;
    const at = line.lastIndexOf(" ");
    out.set(line.slice(0, at), Number(line.slice(at + 1)));
  }
  return out;
}

describe("GET /api/metrics", () => {
  let realtime: RealtimeServer;
  beforeAll(async () => {
    realtime = await startRealtime();
  });
  afterAll(() => stopRealtime(realtime));
  afterEach(() => setToken(undefined));

  it("does not exist (404) while METRICS_TOKEN is unset", async () => {
    setToken(undefined);
    const res = await scrape(`Bearer ${TOKEN}`);
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe("not_found");
  });

  it("answers 401 without the token, with a wrong one, or with another scheme", async () => {
    setToken(TOKEN);
    for (const header of [undefined, "Bearer wrong", `Bearer ${TOKEN}x`, `Basic ${TOKEN}`, TOKEN]) {
      const res = await scrape(header);
      expect(res.status, String(header)).toBe(401);
      expect(Object.keys(res.body)).toEqual(["error"]);
      expect(res.body.error.code).toBe("unauthorized");
      expect(JSON.stringify(res.body)).not.toContain("chat_messages_sent_total");
    }
  });

  it("serves valid Prometheus text with the app's metrics and the realtime gauges", async () => {
    setToken(TOKEN);
    const roomWatcher = await Subscriber.connect(realtime);
    const userWatcher = await Subscriber.connect(realtime);
    await roomWatcher.subscribe("presence-room-424242", { user_id: "7" });
    await userWatcher.subscribe("private-user-7");
    await userWatcher.subscribe("presence-room-424243", { user_id: "7" });
    resetRealtimeStats();

    const res = await scrape(`Bearer ${TOKEN}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = String(res.body);
    for (const line of text.split("\n").filter((l) => l && !l.startsWith("#"))) expect(line).toMatch(SAMPLE);
    for (const name of [
      "chat_messages_sent_total",
      "chat_send_duration_seconds",
      "realtime_publish_duration_seconds",
      "realtime_publish_failures_total",
      "realtime_channel_auth_total",
      "http_responses_total",
      "http_request_duration_seconds",
      "realtime_api_up",
      "realtime_channels",
      "realtime_presence_members",
    ]) {
      expect(text).toContain(`# TYPE ${name} `);
    }
    const values = samples(text);
    expect(values.get("realtime_api_up")).toBe(1);
    expect(values.get('realtime_channels{type="presence"}')).toBe(2);
    expect(values.get('realtime_channels{type="private"}')).toBe(1);
    expect(values.get("realtime_presence_members")).toBe(2);
    roomWatcher.close();
    userWatcher.close();
  });

  it("reports the realtime server as down when its API does not answer", async () => {
    setToken(TOKEN);
    const stopped = await startRealtime();
    await stopped.close();
    resetRealtimeStats();
    const values = samples(String((await scrape(`Bearer ${TOKEN}`)).body));
    expect(values.get("realtime_api_up")).toBe(0);
    expect(values.get('realtime_channels{type="presence"}')).toBe(0);
    await stopRealtime(realtime);
    realtime = await startRealtime();
  });

  it("the admin metrics page's snapshot reads the same registry", async () => {
    const admin = await makeUser({ role: "ADMIN" });
    setToken(TOKEN);
    const unauthorized = (s: MetricsSnapshot) => s.responsesByStatus.find((r) => r.status === "401")?.count ?? 0;
    resetRealtimeStats();
    const before = await metricsSnapshot(admin);
    for (let i = 0; i < 3; i++) expect((await scrape("Bearer wrong")).status).toBe(401);
    const scraped = samples(String((await scrape(`Bearer ${TOKEN}`)).body));
    resetRealtimeStats();
    const snapshot = await metricsSnapshot(admin);

    expect(snapshot.realtime.up).toBe(true);
    expect(unauthorized(snapshot)).toBe(unauthorized(before) + 3);
    // The page and the scrape count the same responses (the scrape itself is counted once it is answered).
    const scraped401 = [...scraped].filter(([key]) => key.startsWith("http_responses_total{") && key.includes('status="401"'));
    expect(scraped401.reduce((sum, [, value]) => sum + value, 0)).toBe(unauthorized(snapshot));
    expect(snapshot.httpLatency.count).toBeGreaterThanOrEqual(before.httpLatency.count + 4);
    expect(snapshot.httpLatency.buckets.reduce((s, b) => s + b.count, 0)).toBe(snapshot.httpLatency.count);
    expect(snapshot.httpLatency.p95).not.toBeNull();
  });
});

describe("every door is counted: next-auth's and the channel authorization endpoints too", () => {
  afterEach(() => setToken(undefined));

  it("GET /api/auth/*, POST /api/pusher/auth and /api/pusher/user-auth appear in http_responses_total with their status", async () => {
    setToken(TOKEN);
    const user = await makeUser();
    const counted = async () => samples(String((await scrape(`Bearer ${TOKEN}`)).body));
    const key = (route: string, status: number) => `http_responses_total{route="${route}",status="${status}"}`;
    const before = await counted();
    const form = { "content-type": "application/x-www-form-urlencoded" };

    // Refused by our own check before next-auth runs (a credentials sign-in by GET): still counted.
    const signInByGet = await request(null, "GET", "/api/auth/callback/credentials");
    expect((await call(authRoute.GET, signInByGet, { nextauth: ["callback", "credentials"] })).status).toBe(400);
    expect(
      (await call(channelAuth.POST, await request(null, "POST", "/api/pusher/auth", { body: "socket_id=1.1&channel_name=x", headers: form }))).status,
    ).toBe(401);
    expect((await call(userAuth.POST, await request(user, "POST", "/api/pusher/user-auth", { body: "socket_id=nope", headers: form }))).status).toBe(
      400,
    );

    const after = await counted();
    const grew = (k: string) => (after.get(k) ?? 0) - (before.get(k) ?? 0);
    expect(grew(key("GET /api/auth/{nextauth}", 400))).toBe(1);
    expect(grew(key("POST /api/pusher/auth", 401))).toBe(1);
    expect(grew(key("POST /api/pusher/user-auth", 400))).toBe(1);
    expect(after.get(`http_request_duration_seconds_count{route="GET /api/auth/{nextauth}"}`)).toBeGreaterThanOrEqual(1);
  });
});
