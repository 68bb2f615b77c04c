import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { disconnectAll, errorData, external, pusherClient, RawClient, startTarget, type Target, until, withTimeout } from "./harness";

let t: Target;

beforeAll(async () => {
  t = await startTarget();
});
afterEach(() => disconnectAll());
afterAll(async () => {
  await t.close();
});

describe("connection", () => {
  it("sends pusher:connection_established with a string-encoded socket_id and activity_timeout", async () => {
    const client = RawClient.open(t);
    const frame = await client.nextEvent("pusher:connection_established");
    expect(typeof frame.data).toBe("string");
    const data = JSON.parse(String(frame.data)) as { socket_id: unknown; activity_timeout: unknown };
    expect(data.socket_id).toMatch(/^\d+\.\d+$/);
    expect(typeof data.activity_timeout).toBe("number");
    if (!external) expect(data.activity_timeout).toBe(120);
    client.close();
  });

  it("connects pusher-js and gives each socket its own id", async () => {
    const a = pusherClient(t);
    const b = pusherClient(t);
    const ids = await Promise.all(
      [a, b].map((client) =>
        withTimeout(new Promise<string>((resolve) => client.connection.bind("connected", () => resolve(client.connection.socket_id))), "connect"),
      ),
    );
    expect(ids[0]).toMatch(/^\d+\.\d+$/);
    expect(ids[0]).not.toBe(ids[1]);
    if (t.server) await until(() => t.server?.connectionCount() === 2, "two connections");
  });

  it("refuses an unknown app key with pusher:error 4001 and close code 4001", async () => {
    const client = RawClient.open(t, { key: "no-such-key" });
    const frame = await client.nextEvent("pusher:error");
    expect(errorData(frame).code).toBe(4001);
    expect((await withTimeout(client.closed, "close")).code).toBe(4001);
  });

  it("reports 4001 to pusher-js, which gives up instead of reconnecting", async () => {
    const client = pusherClient(t, { key: "no-such-key" });
    type HandshakeError = { type: string; error?: { type: string; data?: { code: number } } };
    const error = await withTimeout(new Promise<HandshakeError>((resolve) => client.connection.bind("error", resolve)), "pusher-js handshake error");
    expect(error).toMatchObject({ type: "WebSocketError", error: { type: "PusherError", data: { code: 4001 } } });
    await until(() => client.connection.state === "disconnected", "pusher-js to give up");
  });

  it("refuses an unsupported protocol version with 4007", async () => {
    const client = RawClient.open(t, { query: "protocol=3&client=js" });
    const frame = await client.nextEvent("pusher:error");
    expect(errorData(frame).code).toBe(4007);
    expect((await withTimeout(client.closed, "close")).code).toBe(4007);
  });

  it("answers pusher:ping with pusher:pong", async () => {
    const { client } = await RawClient.connect(t);
    client.send({ event: "pusher:ping", data: {} });
    await client.nextEvent("pusher:pong");
    client.close();
  });

  it("serves GET /health and GET / for health checks", async () => {
    for (const path of ["/health", "/"]) {
      const response = await fetch(`http://${t.host}:${t.port}${path}`);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ ok: true });
    }
  });

  it("rejects WebSocket upgrades outside /app/{key}", async () => {
    const client = RawClient.open(t, { key: "x/extra" });
    const closed = await withTimeout(client.closed, "refused upgrade");
    expect(closed.code).not.toBe(1000);
  });
});

describe.skipIf(external)("activity timeout", () => {
  let quick: Target;
  beforeAll(async () => {
    quick = await startTarget({ activityTimeoutSeconds: 1 });
  });
  afterAll(async () => {
    await quick.close();
  });

  it("pings a quiet socket and closes it with 4201 when no pong comes back", async () => {
    const { client } = await RawClient.connect(quick);
    await client.nextEvent("pusher:ping", 5000);
    const closed = await withTimeout(client.closed, "pong timeout close", 5000);
    expect(closed.code).toBe(4201);
    await until(() => quick.server?.connectionCount() === 0, "connection removed");
  });

  it("keeps a socket that answers the ping with pusher:pong", async () => {
    const { client } = await RawClient.connect(quick);
    await client.nextEvent("pusher:ping", 5000);
    client.send({ event: "pusher:pong", data: {} });
    // A second ping proves the socket outlived the first pong timeout.
    await client.nextEvent("pusher:ping", 5000);
    expect(client.ws.readyState).toBe(client.ws.OPEN);
    client.close();
  });

  it("keeps pusher-js connected across activity timeouts", async () => {
    const client = pusherClient(quick);
    await withTimeout(new Promise<void>((resolve) => client.connection.bind("connected", () => resolve())), "connect");
    const pongs: number[] = [];
    client.connection.bind("message", (event: { event: string }) => {
      if (event.event === "pusher:pong" || event.event === "pusher:ping") pongs.push(Date.now());
    });
    await until(() => pongs.length >= 2, "two ping/pong exchanges", 8000);
    expect(client.connection.state).toBe("connected");
  });

  it("closes every socket with 4200 when the server stops", async () => {
    const server = await startTarget({ activityTimeoutSeconds: 1 });
    const { client } = await RawClient.connect(server);
    await server.close();
    expect((await withTimeout(client.closed, "shutdown close")).code).toBe(4200);
  });
});
