// pusher:signin (user authentication) and terminating a user's connections through the HTTP API.
import { createHmac } from "node:crypto";
import type PusherJs from "pusher-js";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  apiRequest,
  connectedClient,
  disconnectAll,
  errorData,
  flush,
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

async function signedIn(client: PusherJs): Promise<PusherJs> {
  client.signin();
  await withTimeout(client.user.signinDonePromise as Promise<unknown>, "signin");
  return client;
}

/** The close code pusher-js saw, once the connection has gone. */
function closedWith(client: PusherJs): Promise<number> {
  return withTimeout(
    new Promise<number>((resolve) => {
      let code = 0;
      client.connection.bind("error", (error: { data?: { code?: number } }) => {
        code = error.data?.code ?? code;
      });
      client.connection.bind("state_change", ({ current }: { current: string }) => {
        if (current === "disconnected" || current === "unavailable" || current === "failed") resolve(code);
      });
    }),
    "connection closed",
  );
}

describe("pusher:signin", () => {
  it("answers a correctly signed sign-in with pusher:signin_success carrying the user_data", async () => {
    const { client, socketId } = await RawClient.connect(t);
    const userData = JSON.stringify({ id: "alice", user_info: { name: "Alice" } });
    const { auth } = serverSdk(t).authenticateUser(socketId, { id: "alice", user_info: { name: "Alice" } });
    client.send({ event: "pusher:signin", data: { auth, user_data: userData } });
    const success = await client.nextEvent("pusher:signin_success");
    const data = typeof success.data === "string" ? JSON.parse(success.data) : success.data;
    expect(data.user_data).toBe(userData);
    client.close();
  });

  it("signs pusher-js in through its userAuthentication handler", async () => {
    const alice = await signedIn(await connectedClient(t, { user: { id: "alice" } }));
    expect(alice.user.user_data).toEqual({ id: "alice" });
  });

  it.each([
    ["a forged signature", (socketId: string) => ({ auth: `${t.key}:${"0".repeat(64)}`, user_data: JSON.stringify({ id: socketId }) })],
    ["a signature for another socket", () => serverSdk(t).authenticateUser("1.1", { id: "alice" })],
    [
      "user_data without an id",
      (socketId: string) => {
        const userData = JSON.stringify({ name: "nobody" });
        const signed = serverSdk(t).authenticateUser(socketId, { id: "x" });
        return { auth: signed.auth.replace(/:.*/, `:${hmac(`${socketId}::user::${userData}`)}`), user_data: userData };
      },
    ],
    ["no auth at all", () => ({ user_data: JSON.stringify({ id: "alice" }) })],
  ])("refuses %s with pusher:error 4009 and closes with 4009", async (_label, build) => {
    const { client, socketId } = await RawClient.connect(t);
    client.send({ event: "pusher:signin", data: build(socketId) });
    const error = await client.nextEvent("pusher:error");
    expect(errorData(error).code).toBe(4009);
    expect((await client.closed).code).toBe(4009);
  });
});

function hmac(text: string): string {
  return createHmac("sha256", t.secret).update(text).digest("hex");
}

describe("POST /apps/{app_id}/users/{user_id}/terminate_connections", () => {
  it("closes every connection signed in as that user with 4009, and only those", async () => {
    const name = `private-${runId}-terminate`;
    const alice1 = await signedIn(await connectedClient(t, { user: { id: "alice" } }));
    const alice2 = await signedIn(await connectedClient(t, { user: { id: "alice" } }));
    const bob = await signedIn(await connectedClient(t, { user: { id: "bob" } }));
    const anonymous = await connectedClient(t);
    const aliceEvents = record(await subscribe(alice1, name), "news");
    const bobChannel = await subscribe(bob, name);
    const bobEvents = record(bobChannel, "news");
    const anonymousEvents = record(await subscribe(anonymous, name), "news");

    const closed1 = closedWith(alice1);
    const closed2 = closedWith(alice2);
    const response = await serverSdk(t).terminateUserConnections("alice");
    expect(response.status).toBe(200);
    expect(await closed1).toBe(4009);
    expect(await closed2).toBe(4009);
    // 4009 is a "don't reconnect" code: pusher-js stays disconnected until told to connect.
    expect(alice1.connection.state).toBe("disconnected");

    await serverSdk(t).trigger(name, "news", { n: 1 });
    await flush(t, bobChannel);
    expect(bobEvents.received).toEqual([{ data: { n: 1 }, userId: undefined }]);
    await anonymousEvents.waitFor(1);
    expect(aliceEvents.received).toHaveLength(0);
    expect(bob.connection.state).toBe("connected");
    if (t.server) expect(t.server.connectionCount()).toBe(2);
  });

  it("lets the user connect and sign in again afterwards (banning is the app's job)", async () => {
    const alice = await signedIn(await connectedClient(t, { user: { id: "alice" } }));
    const closed = closedWith(alice);
    await serverSdk(t).terminateUserConnections("alice");
    expect(await closed).toBe(4009);
    alice.connect();
    await withTimeout(new Promise<void>((resolve) => alice.connection.bind("connected", () => resolve())), "reconnect");
    await withTimeout(alice.user.signinDonePromise as Promise<unknown>, "signin again");
    expect(alice.user.user_data).toEqual({ id: "alice" });
  });

  it("answers 200 for a user with no connections, and 401 unsigned", async () => {
    expect((await serverSdk(t).terminateUserConnections("nobody")).status).toBe(200);
    const unsigned = await fetch(`http://${t.host}:${t.port}/apps/${t.appId}/users/alice/terminate_connections`, { method: "POST", body: "{}" });
    expect(unsigned.status).toBe(401);
    const wrongSecret = await apiRequest(t, {
      method: "POST",
      path: `/apps/${t.appId}/users/alice/terminate_connections`,
      body: "{}",
      secret: "nope",
    });
    expect(wrongSecret.status).toBe(401);
    const get = await apiRequest(t, { method: "GET", path: `/apps/${t.appId}/users/alice/terminate_connections` });
    expect(get.status).toBe(405);
  });
});

describe("#server-to-user-<id>", () => {
  it("is subscribed for the signed-in user and carries sendToUser events to that user only", async () => {
    const alice = await signedIn(await connectedClient(t, { user: { id: "alice" } }));
    const bob = await signedIn(await connectedClient(t, { user: { id: "bob" } }));
    const forAlice = new Promise<unknown>((resolve) => alice.user.bind("notice", resolve));
    const forBob: unknown[] = [];
    bob.user.bind("notice", (data: unknown) => forBob.push(data));
    await until(() => alice.user.serverToUserChannel?.subscribed === true, "server-to-user subscription");
    await serverSdk(t).sendToUser("alice", "notice", { hello: "alice" });
    expect(await withTimeout(forAlice, "notice")).toEqual({ hello: "alice" });
    expect(forBob).toHaveLength(0);
  });

  it("refuses the channel to a connection signed in as someone else, or not at all", async () => {
    const { client } = await RawClient.connect(t);
    client.send({ event: "pusher:subscribe", data: { channel: "#server-to-user-alice", auth: "" } });
    const refused = await client.nextEvent("pusher:subscription_error");
    expect(refused.channel).toBe("#server-to-user-alice");
    client.close();
  });
});
