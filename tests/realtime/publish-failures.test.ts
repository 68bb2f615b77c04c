// Injected publish failures (realtime-server/failure-injection.ts): a seeded fraction of signed
// publish calls is refused with a 503 before anything is delivered; nothing else is affected.
// Embedded server only: an external one has no such switch.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { publishFailures } from "@/realtime-server/failure-injection";
import {
  apiRequest,
  connectedClient,
  disconnectAll,
  external,
  flush,
  postEvents,
  record,
  runId,
  startTarget,
  subscribe,
  type Target,
} from "./harness";

let t: Target;

beforeAll(async () => {
  t = await startTarget();
});
afterEach(() => {
  disconnectAll();
  t.server?.failPublishes(0);
});
afterAll(async () => {
  await t.close();
});

const event = (channel: string, n: number) => ({ name: "e", data: JSON.stringify({ n }), channels: [channel] });

describe.skipIf(external)("injected publish failures", () => {
  it("fails about the asked fraction of publish calls with 503, delivering exactly the accepted ones", async () => {
    const client = await connectedClient(t);
    const channel = `${runId}-inject`;
    const got = record(await subscribe(client, channel), "e");
    t.server?.failPublishes(0.3, 42);
    const statuses: number[] = [];
    for (let n = 0; n < 200; n++) statuses.push((await postEvents(t, event(channel, n))).status);
    t.server?.failPublishes(0);
    const failed = statuses.filter((s) => s === 503).length;
    expect(statuses.every((s) => s === 200 || s === 503)).toBe(true);
    expect(failed).toBeGreaterThan(40);
    expect(failed).toBeLessThan(80);
    expect(t.server?.injectedFailures()).toBe(failed);
    await flush(t, client.channel(channel));
    const accepted = statuses.flatMap((s, n) => (s === 200 ? [n] : []));
    expect(got.received.map((r) => (r.data as { n: number }).n)).toEqual(accepted);
  });

  it("fails batch_events whole (no partial delivery) and leaves channel queries alone", async () => {
    t.server?.failPublishes(1);
    const batch = { batch: [{ name: "e", data: "{}", channel: `${runId}-b1` }] };
    const refused = await apiRequest(t, { method: "POST", path: `/apps/${t.appId}/batch_events`, body: JSON.stringify(batch) });
    expect(refused).toEqual({ status: 503, body: { error: "Injected publish failure" } });
    const query = await apiRequest(t, { method: "GET", path: `/apps/${t.appId}/channels` });
    expect(query.status).toBe(200);
    // An unsigned call is still refused for what it is, not counted as an injected failure.
    const before = t.server?.injectedFailures();
    const forged = await postEvents(t, event(`${runId}-forged`, 0), { tamper: { auth_signature: "f".repeat(64) } });
    expect(forged.status).toBe(401);
    expect(t.server?.injectedFailures()).toBe(before);
  });

  it("is the same sequence for the same seed, and reports its count on /health", async () => {
    const a = publishFailures(0.2, 7);
    const b = publishFailures(0.2, 7);
    const seqA = Array.from({ length: 100 }, () => a.next());
    expect(Array.from({ length: 100 }, () => b.next())).toEqual(seqA);
    expect(a.injected()).toBe(seqA.filter(Boolean).length);
    expect(() => publishFailures(1.5)).toThrow(RangeError);

    t.server?.failPublishes(1);
    await postEvents(t, event(`${runId}-health`, 0));
    const health = await (await fetch(`http://${t.host}:${t.port}/health`)).json();
    expect(health).toEqual({ ok: true, publish_failures_injected: t.server?.injectedFailures() });
  });
});
