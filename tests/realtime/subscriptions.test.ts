import type { Members } from "pusher-js";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  connectedClient,
  disconnectAll,
  flush,
  RawClient,
  record,
  runId,
  SubscriptionError,
  serverSdk,
  signChannel,
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

function memberIds(members: Members): string[] {
  const ids: string[] = [];
  members.each((member: { id: string }) => ids.push(member.id));
  return ids.sort();
}

describe("public channels", () => {
  it("subscribes and receives events triggered through the server SDK", async () => {
    const name = `${runId}-public`;
    const client = await connectedClient(t);
    const channel = await subscribe(client, name);
    const events = record(channel, "greeting");
    await serverSdk(t).trigger(name, "greeting", { hello: "world" });
    const [event] = await events.waitFor(1);
    expect(event.data).toEqual({ hello: "world" });
  });

  it("delivers the data string exactly as given, with event and channel", async () => {
    const name = `${runId}-public-raw`;
    const { client, socketId } = await RawClient.connect(t);
    expect(socketId).toMatch(/^\d+\.\d+$/);
    client.send({ event: "pusher:subscribe", data: { channel: name } });
    await client.next((f) => f.event === "pusher_internal:subscription_succeeded" && f.channel === name);
    await serverSdk(t).trigger(name, "raw", "not json, just text");
    const frame = await client.nextEvent("raw");
    expect(frame).toEqual({ event: "raw", channel: name, data: "not json, just text" });
    client.close();
  });

  it("stops delivering after pusher:unsubscribe", async () => {
    const name = `${runId}-public-unsub`;
    const stays = await connectedClient(t);
    const leaves = await connectedClient(t);
    const staying = await subscribe(stays, name);
    const leaving = await subscribe(leaves, name);
    const left = record(leaving, "after");
    const stayed = record(staying, "after");
    leaves.unsubscribe(name);
    // Frames on one socket are handled in order: once this later subscription succeeds, so did the unsubscribe.
    const other = await subscribe(leaves, `${name}-other`);
    await serverSdk(t).trigger(name, "after", {});
    await stayed.waitFor(1);
    await flush(t, other);
    expect(left.received).toHaveLength(0);
  });

  it("refuses an invalid channel name with pusher:subscription_error", async () => {
    const { client } = await RawClient.connect(t);
    client.send({ event: "pusher:subscribe", data: { channel: "bad name!" } });
    const frame = await client.nextEvent("pusher:subscription_error");
    expect(frame.channel).toBe("bad name!");
    client.close();
  });
});

describe("private channels", () => {
  it("subscribes with a valid signature", async () => {
    const name = `private-${runId}-ok`;
    const client = await connectedClient(t);
    const channel = await subscribe(client, name);
    const events = record(channel, "secret");
    await serverSdk(t).trigger(name, "secret", { n: 1 });
    expect((await events.waitFor(1))[0].data).toEqual({ n: 1 });
  });

  it("refuses a forged signature with pusher:subscription_error and delivers nothing", async () => {
    const name = `private-${runId}-forged`;
    const forger = await connectedClient(t, { forgeAuth: true });
    const error = await subscribe(forger, name).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(SubscriptionError);
    expect((error as SubscriptionError).detail).toMatchObject({ type: "AuthError", status: 401 });
    const channel = forger.channel(name);
    const events = record(channel, "secret");
    const witness = await connectedClient(t);
    const witnessed = record(await subscribe(witness, name), "secret");
    await serverSdk(t).trigger(name, "secret", { n: 2 });
    await witnessed.waitFor(1);
    const other = await subscribe(forger, `${runId}-forger-public`);
    await flush(t, other);
    expect(events.received).toHaveLength(0);
    if (t.server)
      expect(
        (
          await serverSdk(t)
            .get({ path: `/channels/${name}`, params: { info: "subscription_count" } })
            .then((r) => r.json())
        ).subscription_count,
      ).toBe(1);
  });

  it("refuses a signature made for another socket", async () => {
    const name = `private-${runId}-replay`;
    const { client: a, socketId: aId } = await RawClient.connect(t);
    const { client: b } = await RawClient.connect(t);
    const stolen = serverSdk(t).authorizeChannel(aId, name);
    b.send({ event: "pusher:subscribe", data: { channel: name, auth: stolen.auth } });
    const frame = await b.nextEvent("pusher:subscription_error");
    expect(frame.channel).toBe(name);
    a.close();
    b.close();
  });

  it("refuses a private subscription without auth", async () => {
    const { client } = await RawClient.connect(t);
    client.send({ event: "pusher:subscribe", data: { channel: `private-${runId}-noauth` } });
    const frame = await client.nextEvent("pusher:subscription_error");
    expect(frame.data).toMatchObject({ type: "AuthError", status: 401 });
    client.close();
  });
});

describe("presence channels", () => {
  it("returns the member list on subscription and counts members", async () => {
    const name = `presence-${runId}-list`;
    const alice = await connectedClient(t, { presence: { user_id: "alice", user_info: { name: "Alice" } } });
    const bob = await connectedClient(t, { presence: { user_id: "bob", user_info: { name: "Bob" } } });
    await subscribePresence(alice, name);
    const channel = await subscribePresence(bob, name);
    expect(channel.members.count).toBe(2);
    expect(memberIds(channel.members)).toEqual(["alice", "bob"]);
    expect(channel.members.get("alice")).toEqual({ id: "alice", info: { name: "Alice" } });
    expect(channel.members.me).toEqual({ id: "bob", info: { name: "Bob" } });
  });

  it("sends the raw presence payload: ids, hash and count, string-encoded", async () => {
    const name = `presence-${runId}-raw`;
    const { client, socketId } = await RawClient.connect(t);
    const auth = serverSdk(t).authorizeChannel(socketId, name, { user_id: "42", user_info: { role: "x" } });
    client.send({ event: "pusher:subscribe", data: { channel: name, ...auth } });
    const frame = await client.nextEvent("pusher_internal:subscription_succeeded");
    expect(JSON.parse(String(frame.data))).toEqual({ presence: { ids: ["42"], hash: { "42": { role: "x" } }, count: 1 } });
    client.close();
  });

  it("accepts numeric user ids and reports them as strings", async () => {
    const name = `presence-${runId}-numeric`;
    const { client, socketId } = await RawClient.connect(t);
    const channelData = JSON.stringify({ user_id: 7 });
    const auth = signChannel(t, socketId, name, channelData);
    client.send({ event: "pusher:subscribe", data: { channel: name, auth, channel_data: channelData } });
    const frame = await client.nextEvent("pusher_internal:subscription_succeeded");
    expect(JSON.parse(String(frame.data)).presence.ids).toEqual(["7"]);
    client.close();
  });

  it("refuses presence channel_data that does not match the signature", async () => {
    const name = `presence-${runId}-tampered`;
    const { client, socketId } = await RawClient.connect(t);
    const auth = serverSdk(t).authorizeChannel(socketId, name, { user_id: "mallory" });
    client.send({ event: "pusher:subscribe", data: { channel: name, auth: auth.auth, channel_data: JSON.stringify({ user_id: "admin" }) } });
    const frame = await client.nextEvent("pusher:subscription_error");
    expect(frame.data).toMatchObject({ type: "AuthError" });
    client.close();
  });

  it("refuses channel_data without user_id", async () => {
    const name = `presence-${runId}-nouser`;
    const { client, socketId } = await RawClient.connect(t);
    const channelData = JSON.stringify({ user_info: {} });
    const auth = signChannel(t, socketId, name, channelData);
    client.send({ event: "pusher:subscribe", data: { channel: name, auth, channel_data: channelData } });
    const frame = await client.nextEvent("pusher:subscription_error");
    expect(frame.channel).toBe(name);
    expect(frame.data).not.toMatchObject({ type: "AuthError" });
    client.close();
  });

  it("announces a user once across two sockets and removes them after the last one leaves", async () => {
    const name = `presence-${runId}-multi`;
    const alice = await connectedClient(t, { presence: { user_id: "alice" } });
    const watching = await subscribePresence(alice, name);
    const added = record(watching, "pusher:member_added");
    const removed = record(watching, "pusher:member_removed");

    const bob1 = await connectedClient(t, { presence: { user_id: "bob", user_info: { tab: 1 } } });
    const bobFirst = await subscribePresence(bob1, name);
    await added.waitFor(1);
    expect(added.received[0].data).toEqual({ id: "bob", info: { tab: 1 } });
    const bobFirstAdded = record(bobFirst, "pusher:member_added");

    const bob2 = await connectedClient(t, { presence: { user_id: "bob", user_info: { tab: 2 } } });
    const bobSecond = await subscribePresence(bob2, name);
    expect(bobSecond.members.count).toBe(2);
    expect(memberIds(bobSecond.members)).toEqual(["alice", "bob"]);
    await flush(t, watching);
    await flush(t, bobFirst);
    expect(added.received).toHaveLength(1);
    expect(bobFirstAdded.received).toHaveLength(0);
    expect(watching.members.count).toBe(2);

    bob1.unsubscribe(name);
    await flush(t, bobSecond);
    await flush(t, watching);
    expect(removed.received).toHaveLength(0);
    expect(watching.members.count).toBe(2);

    bob2.disconnect();
    const [gone] = await removed.waitFor(1);
    expect(gone.data).toEqual({ id: "bob", info: { tab: 1 } });
    expect(watching.members.count).toBe(1);
  });

  it("never sends member_added to the joining socket", async () => {
    const name = `presence-${runId}-self`;
    const { client, socketId } = await RawClient.connect(t);
    const auth = serverSdk(t).authorizeChannel(socketId, name, { user_id: "solo" });
    client.send({ event: "pusher:subscribe", data: { channel: name, ...auth } });
    await client.nextEvent("pusher_internal:subscription_succeeded");
    client.send({ event: "pusher:subscribe", data: { channel: `${runId}-solo-marker` } });
    await client.nextEvent("pusher_internal:subscription_succeeded");
    await serverSdk(t).trigger(name, "marker", {});
    const next = await client.next((f) => f.channel === name);
    expect(next.event).toBe("marker");
    client.close();
  });

  it("rejects presence subscriptions with malformed channel_data JSON", async () => {
    const name = `presence-${runId}-badjson`;
    const { client, socketId } = await RawClient.connect(t);
    const channelData = "{not json";
    const auth = signChannel(t, socketId, name, channelData);
    client.send({ event: "pusher:subscribe", data: { channel: name, auth, channel_data: channelData } });
    const frame = await client.nextEvent("pusher:subscription_error");
    expect(frame.channel).toBe(name);
    expect(frame.data).not.toMatchObject({ type: "AuthError" });
    client.close();
  });
});
