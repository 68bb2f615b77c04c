// A presence channel admits at most 100 members (distinct user ids), as hosted Pusher does. The
// 101st is refused with pusher:subscription_error { type: "LimitReached", status: 4100 } on a
// connection that stays up; another socket of a member already in is admitted; a place freed by
// a leaving member can be taken; and private channels have no such limit.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  connectedClient,
  disconnectAll,
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

const LIMIT = 100;

let t: Target;
const raws: RawClient[] = [];

beforeAll(async () => {
  t = await startTarget();
});
afterEach(() => {
  disconnectAll();
  for (const raw of raws.splice(0)) raw.close();
});
afterAll(async () => {
  await t.close();
});

/** `count` members in `name`, each on its own raw socket as user `m-{i}`. */
async function fill(name: string, count: number): Promise<RawClient[]> {
  const joined: RawClient[] = [];
  for (let i = 0; i < count; i++) {
    const { client, socketId } = await RawClient.connect(t);
    raws.push(client);
    const channelData = JSON.stringify({ user_id: `m-${i}` });
    client.send({ event: "pusher:subscribe", data: { channel: name, auth: signChannel(t, socketId, name, channelData), channel_data: channelData } });
    await client.next((f) => f.event === "pusher_internal:subscription_succeeded" && f.channel === name);
    joined.push(client);
  }
  return joined;
}

describe("presence channel member limit", () => {
  it("refuses the 101st member with LimitReached (4100) through pusher-js, keeps the connection, and delivers them nothing there", async () => {
    const name = `presence-${runId}-full`;
    await fill(name, LIMIT);
    const outsider = await connectedClient(t, { presence: { user_id: "outsider" } });
    const refusal = await subscribePresence(outsider, name).then(
      () => null,
      (error: unknown) => error,
    );
    expect(refusal).toBeInstanceOf(SubscriptionError);
    expect((refusal as SubscriptionError).detail).toEqual({ type: "LimitReached", error: expect.any(String), status: 4100 });
    expect(outsider.channel(name).subscribed).toBe(false);
    expect(outsider.connection.state).toBe("connected");

    // Nothing on the full channel reaches the outsider; a private channel on the same connection works.
    const heard = record(outsider.channel(name), "news");
    const privateName = `private-${runId}-beside`;
    const beside = await subscribe(outsider, privateName);
    const besideNews = record(beside, "news");
    await serverSdk(t).trigger([name, privateName], "news", { n: 1 });
    await besideNews.waitFor(1);
    expect(heard.received).toHaveLength(0);
  });

  it("admits another socket of a member already in, and a new member once one leaves", async () => {
    const name = `presence-${runId}-again`;
    const members = await fill(name, LIMIT);
    const secondTab = await connectedClient(t, { presence: { user_id: "m-0" } });
    const same = await subscribePresence(secondTab, name);
    expect(same.members.count).toBe(LIMIT);

    const refused = await connectedClient(t, { presence: { user_id: "late" } });
    await expect(subscribePresence(refused, name)).rejects.toBeInstanceOf(SubscriptionError);
    const left = record(same, "pusher:member_removed");
    members[LIMIT - 1].close();
    await left.waitFor(1);
    const retry = await connectedClient(t, { presence: { user_id: "late" } });
    const admitted = await subscribePresence(retry, name);
    expect(admitted.members.count).toBe(LIMIT);
    expect(admitted.members.get("late")).toBeTruthy();
  });

  it("has no member limit on private channels", async () => {
    const name = `private-${runId}-many`;
    const clients = await Promise.all(Array.from({ length: LIMIT + 20 }, () => connectedClient(t)));
    const channels = await Promise.all(clients.map((c) => subscribe(c, name)));
    const heard = channels.map((channel) => record(channel, "news"));
    await serverSdk(t).trigger(name, "news", { n: 1 });
    await Promise.all(heard.map((h) => h.waitFor(1)));
    expect(heard.every((h) => h.received.length === 1)).toBe(true);
  });
});
