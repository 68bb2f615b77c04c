import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  connectedClient,
  disconnectAll,
  errorData,
  external,
  RawClient,
  record,
  runId,
  serverSdk,
  startTarget,
  subscribe,
  type Target,
  until,
  withTimeout,
} from "./harness";

let t: Target;

beforeAll(async () => {
  t = await startTarget();
});
afterEach(() => disconnectAll());
afterAll(async () => {
  await t.close();
});

/** A healthy subscriber that must keep receiving while other sockets misbehave. */
async function bystander(name: string) {
  const client = await connectedClient(t);
  const channel = await subscribe(client, name);
  const events = record(channel, "still-alive");
  let expected = 0;
  return {
    async check() {
      expected++;
      await serverSdk(t).trigger(name, "still-alive", { n: expected });
      await events.waitFor(expected);
      expect(client.connection.state).toBe("connected");
    },
  };
}

describe("malformed frames", () => {
  const garbage: [string, string | Buffer | object][] = [
    ["non-JSON text", "this is not json {"],
    ["a JSON array", "[1,2,3]"],
    ["a JSON string", '"pusher:ping"'],
    ["JSON null", "null"],
    ["an object without event", { data: { channel: "x" } }],
    ["a non-string event", { event: 42 }],
    ["an empty event", { event: "" }],
    ["an unknown pusher: event", { event: "pusher:teleport", data: {} }],
    ["a pusher_internal: event from a client", { event: "pusher_internal:member_added", channel: "presence-x", data: "{}" }],
    ["an event outside any namespace", { event: "hello", data: {} }],
    ["subscribe without data", { event: "pusher:subscribe" }],
    ["subscribe with a numeric channel", { event: "pusher:subscribe", data: { channel: 5 } }],
    ["subscribe with string data that is not JSON", { event: "pusher:subscribe", data: "{oops" }],
    ["unsubscribe with an array", { event: "pusher:unsubscribe", data: [] }],
    ["a client event without channel", { event: "client-x", data: {} }],
  ];

  it.each(garbage)("answers %s with pusher:error and stays connected", async (_label, frame) => {
    const { client } = await RawClient.connect(t);
    client.send(frame);
    const error = await client.nextEvent("pusher:error");
    expect(typeof errorData(error).message).toBe("string");
    client.send({ event: "pusher:ping", data: {} });
    await client.nextEvent("pusher:pong");
    client.close();
  });

  it("answers binary frames with pusher:error", async () => {
    const { client } = await RawClient.connect(t);
    client.send(Buffer.from([0xff, 0x00, 0x13, 0x37]), { binary: true });
    await client.nextEvent("pusher:error");
    client.send({ event: "pusher:ping", data: {} });
    await client.nextEvent("pusher:pong");
    client.close();
  });

  it("closes a socket that sends an oversized frame, and no one else notices", async () => {
    const watcher = await bystander(`${runId}-oversize`);
    const { client } = await RawClient.connect(t);
    client.send(JSON.stringify({ event: "client-huge", channel: "private-x", data: "x".repeat(200 * 1024) }));
    const closed = await withTimeout(client.closed, "oversize close");
    expect(closed.code).toBe(1009);
    await watcher.check();
  });

  it("survives a barrage of garbage from many sockets while others keep receiving", async () => {
    const watcher = await bystander(`${runId}-barrage`);
    await watcher.check();
    const attackers = await Promise.all(Array.from({ length: 10 }, () => RawClient.connect(t)));
    for (const { client } of attackers) {
      for (const [, frame] of garbage) client.send(frame);
      client.send(Buffer.alloc(64, 0xab), { binary: true });
      client.send("\u0000\u0001\u0002");
      client.send(`{"event":"pusher:subscribe","data":{"channel":"${"a".repeat(5000)}"}}`);
    }
    await watcher.check();
    for (const { client } of attackers) {
      client.send({ event: "pusher:ping", data: {} });
      await client.nextEvent("pusher:pong");
      client.close();
    }
    await watcher.check();
  });

  it("refuses malformed upgrade and API URLs without falling over", async () => {
    const watcher = await bystander(`${runId}-bad-urls`);
    const badKey = RawClient.open(t, { key: "%E0%A4%A" });
    expect((await withTimeout(badKey.closed, "refused upgrade")).code).not.toBe(1000);
    const response = await fetch(`http://${t.host}:${t.port}/apps/${t.appId}/channels/%E0%A4%A`);
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    await watcher.check();
  });

  it("survives abrupt disconnects mid-subscription", async () => {
    const watcher = await bystander(`${runId}-abrupt`);
    for (let i = 0; i < 10; i++) {
      const { client, socketId } = await RawClient.connect(t);
      const name = `presence-${runId}-abrupt`;
      client.send({ event: "pusher:subscribe", data: { channel: name, ...serverSdk(t).authorizeChannel(socketId, name, { user_id: `u${i}` }) } });
      client.ws.terminate();
    }
    await watcher.check();
    if (t.server) {
      const server = t.server;
      await until(() => server.connectionCount() === 1, "only the bystander left");
    }
  });
});

describe.skipIf(external)("server counters", () => {
  it("counts connections and occupied channels", async () => {
    const server = t.server!;
    await until(() => server.connectionCount() === 0, "idle server");
    const before = server.channelCount();
    const client = await connectedClient(t);
    await subscribe(client, `${runId}-count-a`);
    await subscribe(client, `${runId}-count-b`);
    expect(server.connectionCount()).toBe(1);
    expect(server.channelCount()).toBe(before + 2);
    client.disconnect();
    await until(() => server.connectionCount() === 0 && server.channelCount() === before, "counters back to idle");
  });
});
