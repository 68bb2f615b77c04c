import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  apiRequest,
  connectedClient,
  disconnectAll,
  flush,
  postEvents,
  RawClient,
  record,
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

const event = (channel: string) => ({ name: "e", data: "{}", channels: [channel] });

describe("HTTP API authentication", () => {
  it("accepts a correctly signed request", async () => {
    const response = await postEvents(t, event(`${runId}-signed`));
    expect(response).toEqual({ status: 200, body: {} });
  });

  it("answers 401 to a forged signature", async () => {
    const response = await postEvents(t, event(`${runId}-forged`), { tamper: { auth_signature: "f".repeat(64) } });
    expect(response.status).toBe(401);
  });

  it("answers 401 to a request signed with another secret", async () => {
    const response = await postEvents(t, event(`${runId}-secret`), { secret: "not-the-secret" });
    expect(response.status).toBe(401);
  });

  it("answers 401 to an unknown auth_key", async () => {
    const response = await postEvents(t, event(`${runId}-key`), { key: "other-key" });
    expect(response.status).toBe(401);
  });

  it("answers 401 when body_md5 does not match the body, even with a valid signature", async () => {
    const signedFor = JSON.stringify(event(`${runId}-md5`));
    const response = await postEvents(t, event(`${runId}-md5-swapped`), { md5Of: signedFor });
    expect(response.status).toBe(401);
    const tampered = await postEvents(t, event(`${runId}-md5`), { tamper: { body_md5: "0".repeat(32) } });
    expect(tampered.status).toBe(401);
  });

  it("answers 401 when auth_timestamp is more than 600 s off", async () => {
    const stale = await postEvents(t, event(`${runId}-stale`), { timestamp: Math.floor(Date.now() / 1000) - 700 });
    expect(stale.status).toBe(401);
    const future = await postEvents(t, event(`${runId}-future`), { timestamp: Math.floor(Date.now() / 1000) + 700 });
    expect(future.status).toBe(401);
  });

  it("answers 401 without any auth parameters", async () => {
    const response = await fetch(`http://${t.host}:${t.port}/apps/${t.appId}/channels`);
    expect(response.status).toBe(401);
  });

  it("answers 404 for another app id", async () => {
    const response = await apiRequest(t, { method: "POST", path: "/apps/not-this-app/events", body: JSON.stringify(event(`${runId}-app`)) });
    expect(response.status).toBe(404);
  });

  it("signs GET requests too", async () => {
    const ok = await apiRequest(t, { method: "GET", path: `/apps/${t.appId}/channels` });
    expect(ok.status).toBe(200);
    const forged = await apiRequest(t, { method: "GET", path: `/apps/${t.appId}/channels`, tamper: { filter_by_prefix: "x" } });
    expect(forged.status).toBe(401);
  });
});

describe("HTTP API limits", () => {
  it("answers 413 to event data over 10 KB, and accepts data just under it", async () => {
    const channel = `${runId}-size`;
    const tooBig = await postEvents(t, { name: "e", data: "x".repeat(10 * 1024 + 1), channels: [channel] });
    expect(tooBig.status).toBe(413);
    const fits = await postEvents(t, { name: "e", data: "x".repeat(10 * 1024), channels: [channel] });
    expect(fits.status).toBe(200);
    await expect(serverSdk(t).trigger(channel, "e", "y".repeat(12 * 1024))).rejects.toMatchObject({ status: 413 });
  });

  it("answers 400 to more than 100 channels", async () => {
    const channels = Array.from({ length: 101 }, (_, i) => `${runId}-c${i}`);
    const response = await postEvents(t, { name: "e", data: "{}", channels });
    expect(response.status).toBe(400);
    const hundred = await postEvents(t, { name: "e", data: "{}", channels: channels.slice(0, 100) });
    expect(hundred.status).toBe(200);
  });

  it("answers 400 to more than 10 events in a batch", async () => {
    const batch = Array.from({ length: 11 }, (_, i) => ({ name: "e", data: "{}", channel: `${runId}-b${i}` }));
    const path = `/apps/${t.appId}/batch_events`;
    const response = await apiRequest(t, { method: "POST", path, body: JSON.stringify({ batch }) });
    expect(response.status).toBe(400);
    const ten = await apiRequest(t, { method: "POST", path, body: JSON.stringify({ batch: batch.slice(0, 10) }) });
    expect(ten).toEqual({ status: 200, body: { batch: Array.from({ length: 10 }, () => ({})) } });
  });

  it("answers 400 to invalid channel names", async () => {
    for (const bad of ["has space", "emoji-🙂", "slash/name", "x".repeat(201), ""]) {
      const response = await postEvents(t, { name: "e", data: "{}", channels: [bad] });
      expect(response.status, JSON.stringify(bad)).toBe(400);
    }
    const allowed = await postEvents(t, { name: "e", data: "{}", channels: [`${runId}-_=@,.;`] });
    expect(allowed.status).toBe(200);
  });

  it("answers 400 to event names over 200 characters", async () => {
    const response = await postEvents(t, { name: "n".repeat(201), data: "{}", channels: [`${runId}-n`] });
    expect(response.status).toBe(400);
  });

  it("answers 400 to malformed bodies", async () => {
    const path = `/apps/${t.appId}/events`;
    for (const body of [
      "not json",
      "{}",
      JSON.stringify({ name: "e", data: { not: "a string" }, channels: ["c"] }),
      JSON.stringify({ name: "e", data: "{}" }),
    ]) {
      const response = await apiRequest(t, { method: "POST", path, body });
      expect(response.status, body).toBe(400);
    }
  });
});

describe("HTTP API delivery", () => {
  it("delivers one event to several channels", async () => {
    const names = [`${runId}-multi-a`, `${runId}-multi-b`];
    const client = await connectedClient(t);
    const [a, b] = await Promise.all(names.map((name) => subscribe(client, name)));
    const gotA = record(a, "fanout");
    const gotB = record(b, "fanout");
    await serverSdk(t).trigger(names, "fanout", { ok: 1 });
    expect((await gotA.waitFor(1))[0].data).toEqual({ ok: 1 });
    expect((await gotB.waitFor(1))[0].data).toEqual({ ok: 1 });
  });

  it("delivers batch events through triggerBatch", async () => {
    const names = [`${runId}-batch-a`, `${runId}-batch-b`];
    const client = await connectedClient(t);
    const [a, b] = await Promise.all(names.map((name) => subscribe(client, name)));
    const gotA = record(a, "one");
    const gotB = record(b, "two");
    await serverSdk(t).triggerBatch([
      { channel: names[0], name: "one", data: { n: 1 } },
      { channel: names[1], name: "two", data: { n: 2 } },
    ]);
    expect((await gotA.waitFor(1))[0].data).toEqual({ n: 1 });
    expect((await gotB.waitFor(1))[0].data).toEqual({ n: 2 });
  });

  it("excludes the socket named by socket_id", async () => {
    const name = `${runId}-exclude`;
    const sender = await connectedClient(t);
    const other = await connectedClient(t);
    const senderChannel = await subscribe(sender, name);
    const senderGot = record(senderChannel, "echo");
    const otherGot = record(await subscribe(other, name), "echo");
    await serverSdk(t).trigger(name, "echo", { x: 1 }, { socket_id: sender.connection.socket_id });
    await otherGot.waitFor(1);
    await flush(t, senderChannel);
    expect(senderGot.received).toHaveLength(0);
  });

  it("excludes socket_id in batch events", async () => {
    const name = `${runId}-exclude-batch`;
    const sender = await connectedClient(t);
    const other = await connectedClient(t);
    const senderChannel = await subscribe(sender, name);
    const senderGot = record(senderChannel, "echo");
    const otherGot = record(await subscribe(other, name), "echo");
    await serverSdk(t).triggerBatch([{ channel: name, name: "echo", data: {}, socket_id: sender.connection.socket_id }]);
    await otherGot.waitFor(1);
    await flush(t, senderChannel);
    expect(senderGot.received).toHaveLength(0);
  });
});

describe("HTTP API channel queries", () => {
  it("lists occupied channels, filtered by prefix, with user_count for presence", async () => {
    const alice = await connectedClient(t, { presence: { user_id: "alice" } });
    const bob = await connectedClient(t, { presence: { user_id: "bob" } });
    const room = `presence-${runId}-q1`;
    await subscribePresence(alice, room);
    await subscribePresence(bob, room);
    await subscribePresence(alice, `presence-${runId}-q2`);
    await subscribe(alice, `${runId}-q-public`);
    const sdk = serverSdk(t);

    const presence = await (await sdk.get({ path: "/channels", params: { filter_by_prefix: `presence-${runId}-q`, info: "user_count" } })).json();
    expect(presence).toEqual({ channels: { [room]: { user_count: 2 }, [`presence-${runId}-q2`]: { user_count: 1 } } });

    const all = (await (await sdk.get({ path: "/channels" })).json()) as { channels: Record<string, object> };
    expect(all.channels[`${runId}-q-public`]).toEqual({});
    expect(all.channels[room]).toEqual({});

    const publicOnly = await (await sdk.get({ path: "/channels", params: { filter_by_prefix: `${runId}-q` } })).json();
    expect(publicOnly).toEqual({ channels: { [`${runId}-q-public`]: {} } });
  });

  it("answers 400 to info=user_count without a presence- prefix filter", async () => {
    const response = await apiRequest(t, { method: "GET", path: `/apps/${t.appId}/channels`, params: { info: "user_count" } });
    expect(response.status).toBe(400);
  });

  it("describes one channel: occupied, subscription_count and user_count", async () => {
    const room = `presence-${runId}-info`;
    const client = await connectedClient(t, { presence: { user_id: "u1" } });
    const second = await connectedClient(t, { presence: { user_id: "u1" } });
    await subscribePresence(client, room);
    await subscribePresence(second, room);
    const sdk = serverSdk(t);
    const info = await (await sdk.get({ path: `/channels/${room}`, params: { info: "user_count,subscription_count" } })).json();
    expect(info).toEqual({ occupied: true, user_count: 1, subscription_count: 2 });
    const empty = await (await sdk.get({ path: `/channels/${runId}-nobody` })).json();
    expect(empty).toEqual({ occupied: false });
    const userCountOnPublic = await apiRequest(t, {
      method: "GET",
      path: `/apps/${t.appId}/channels/${runId}-nobody`,
      params: { info: "user_count" },
    });
    expect(userCountOnPublic.status).toBe(400);
  });

  it("lists presence users, once per user id", async () => {
    const room = `presence-${runId}-users`;
    for (const id of ["u1", "u2", "u2"]) await subscribePresence(await connectedClient(t, { presence: { user_id: id } }), room);
    const users = (await (await serverSdk(t).get({ path: `/channels/${room}/users` })).json()) as { users: { id: string }[] };
    expect(users.users.map((u) => u.id).sort()).toEqual(["u1", "u2"]);
  });

  it("answers 400 to users of a non-presence channel", async () => {
    const response = await apiRequest(t, { method: "GET", path: `/apps/${t.appId}/channels/private-${runId}-x/users` });
    expect(response.status).toBe(400);
  });

  it("forgets channels once their last subscriber leaves", async () => {
    const name = `${runId}-vacate`;
    const { client } = await RawClient.connect(t);
    client.send({ event: "pusher:subscribe", data: { channel: name } });
    await client.nextEvent("pusher_internal:subscription_succeeded");
    const sdk = serverSdk(t);
    expect(await (await sdk.get({ path: `/channels/${name}` })).json()).toEqual({ occupied: true });
    client.close();
    await client.closed;
    let occupied = true;
    for (let attempt = 0; occupied && attempt < 100; attempt++) {
      occupied = ((await (await sdk.get({ path: `/channels/${name}` })).json()) as { occupied: boolean }).occupied;
    }
    expect(occupied).toBe(false);
  });
});
