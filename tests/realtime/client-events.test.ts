import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  connectedClient,
  disconnectAll,
  errorData,
  flush,
  RawClient,
  record,
  recordErrors,
  runId,
  serverSdk,
  startTarget,
  subscribe,
  subscribePresence,
  type Target,
} from "./harness";

let t: Target;

beforeAll(async () => {
  t = await startTarget();
});
afterEach(() => disconnectAll());
afterAll(async () => {
  await t.close();
});

describe("client events", () => {
  it("relays on presence channels with user_id, to the others only", async () => {
    const name = `presence-${runId}-typing`;
    const alice = await connectedClient(t, { presence: { user_id: "alice" } });
    const bob = await connectedClient(t, { presence: { user_id: "bob" } });
    const carol = await connectedClient(t, { presence: { user_id: "carol" } });
    const aliceChannel = await subscribePresence(alice, name);
    const bobTyping = record(await subscribePresence(bob, name), "client-typing");
    const carolTyping = record(await subscribePresence(carol, name), "client-typing");
    const aliceTyping = record(aliceChannel, "client-typing");

    expect(aliceChannel.trigger("client-typing", { typing: true })).toBe(true);
    const [toBob] = await bobTyping.waitFor(1);
    const [toCarol] = await carolTyping.waitFor(1);
    expect(toBob).toEqual({ data: { typing: true }, userId: "alice" });
    expect(toCarol).toEqual({ data: { typing: true }, userId: "alice" });

    await flush(t, aliceChannel);
    expect(aliceTyping.received).toHaveLength(0);
  });

  it("attaches the member's authenticated user_id, never one the sender claims", async () => {
    const name = `presence-${runId}-forged`;
    const { client: mallory, socketId } = await RawClient.connect(t);
    const channelData = JSON.stringify({ user_id: "mallory" });
    const auth = serverSdk(t).authorizeChannel(socketId, name, { user_id: "mallory" }).auth;
    mallory.send({ event: "pusher:subscribe", data: { channel: name, auth, channel_data: channelData } });
    await mallory.nextEvent("pusher_internal:subscription_succeeded");
    const bob = await connectedClient(t, { presence: { user_id: "bob" } });
    const bobTyping = record(await subscribePresence(bob, name), "client-typing");

    // A forged id both in the payload and at the frame's top level, where the server puts its own.
    mallory.send({ event: "client-typing", channel: name, data: { user_id: "bob", username: "bob", typing: true }, user_id: "bob" });
    const [event] = await bobTyping.waitFor(1);
    expect(event.userId).toBe("mallory");
    expect(event.data).toEqual({ user_id: "bob", username: "bob", typing: true });
    mallory.close();
  });

  it("relays on private channels without user_id", async () => {
    const name = `private-${runId}-relay`;
    const sender = await connectedClient(t);
    const receiver = await connectedClient(t);
    const sending = await subscribe(sender, name);
    const received = record(await subscribe(receiver, name), "client-note");
    sending.trigger("client-note", { text: "hi" });
    const [event] = await received.waitFor(1);
    expect(event).toEqual({ data: { text: "hi" }, userId: undefined });
  });

  it("rejects client events on public channels with pusher:error and relays nothing", async () => {
    const name = `${runId}-public-client`;
    const sender = await connectedClient(t);
    const receiver = await connectedClient(t);
    const errors = recordErrors(sender);
    const sending = await subscribe(sender, name);
    const receiving = await subscribe(receiver, name);
    const received = record(receiving, "client-nope");
    sending.trigger("client-nope", {});
    await errors.waitFor(1);
    await flush(t, receiving);
    expect(received.received).toHaveLength(0);
  });

  it("rejects client events on channels the socket is not subscribed to", async () => {
    const name = `private-${runId}-notmine`;
    const { client } = await RawClient.connect(t);
    const receiver = await connectedClient(t);
    const receiving = await subscribe(receiver, name);
    const received = record(receiving, "client-sneak");
    client.send({ event: "client-sneak", channel: name, data: {} });
    const frame = await client.nextEvent("pusher:error");
    expect(errorData(frame).message).toMatch(/not subscribed/i);
    await flush(t, receiving);
    expect(received.received).toHaveLength(0);
    client.close();
  });

  it("rejects client event data over 10 KB", async () => {
    const name = `private-${runId}-big`;
    const { client, socketId } = await RawClient.connect(t);
    client.send({ event: "pusher:subscribe", data: { channel: name, auth: serverSdk(t).authorizeChannel(socketId, name).auth } });
    await client.nextEvent("pusher_internal:subscription_succeeded");
    client.send({ event: "client-big", channel: name, data: { blob: "x".repeat(11 * 1024) } });
    const frame = await client.nextEvent("pusher:error");
    expect(errorData(frame).message).toMatch(/10 KB/);
    client.close();
  });

  it("rate-limits client events per connection and answers the excess with 4301", async () => {
    const name = `private-${runId}-flood`;
    const sender = await connectedClient(t);
    const receiver = await connectedClient(t);
    const errors = recordErrors(sender);
    const sending = await subscribe(sender, name);
    const receiving = await subscribe(receiver, name);
    const received = record(receiving, "client-flood");
    const sent = 25;
    for (let i = 0; i < sent; i++) sending.trigger("client-flood", { i });
    // Frames on one socket are handled in order: once this subscription succeeds, every
    // flood frame has been handled and its error or relay written.
    await subscribe(sender, `${name}-done`);
    await flush(t, receiving);
    // Refill is 10 per second, so the burst cannot earn more than a token or two while it is handled.
    expect(received.received.length).toBeGreaterThanOrEqual(10);
    expect(received.received.length).toBeLessThanOrEqual(12);
    expect(errors.errors.every((error) => error.code === 4301)).toBe(true);
    expect(received.received.length + errors.errors.length).toBe(sent);
  });
});
