// Fan-out of a send into a large group: a room of `members` (1,000 at full size) with `connected`
// of them on pusher-js. Sends go through the real sendMessage and deliver (publish after commit);
// the publish calls are counted where they reach the realtime server's HTTP API (a counting
// pass-through proxy, scripts/bench/publish-counter.ts), and deliveries at the clients: every
// connected member must get each message's room.activity on their user channel and its
// message.created on the room's private channel. Each also asks for the room's presence channel
// as the browser does; Pusher admits 100 members there, and those refused still get everything.
import { randomUUID } from "node:crypto";
import { loadavg } from "node:os";
import type PusherJs from "pusher-js";
import type { SessionUser } from "@/lib/auth/credentials";
import type { App, RealtimeTarget } from "./app";
import type { BenchConfig } from "./config";
import { withClient } from "./database";
import { startPublishCounter } from "./publish-counter";
import type { Progress } from "./progress";
import { connectAs, subscribed, until } from "./pusher-client";
import { round, summarize } from "./stats";

export type FanoutResult = {
  members: number;
  connected: number;
  sends: number;
  /** Publish calls the realtime server received per send (1 + ceil(members / 100) expected). */
  publish_calls_per_send: number;
  /** The most channels one call carried (Pusher allows 100). */
  max_channels_per_call: number;
  send_p50_ms: number;
  send_p99_ms: number;
  /** The two halves of a send: the statement (room lock wait included) and the publish calls after commit. */
  statement_p50_ms: number;
  statement_p99_ms: number;
  publish_p50_ms: number;
  publish_p99_ms: number;
  /** Connected members the room's presence channel admitted (Pusher caps presence at 100 members). */
  presence_admitted: number;
  /** Connected members refused by that cap (LimitReached): they still get every event on the private channel. */
  presence_refused: number;
  /** Expected: sends × connected × 2 (room.activity and message.created for every connected member). */
  expected: number;
  delivered: number;
  lost: number;
  duplicated: number;
  /** When this section ran (`npm run bench -- --only fanout` merges it into an older run). */
  measured_at: string;
  /** The machine's 1-minute load average before and after the sends: other work skews the timings. */
  load_average: [number, number];
};

const WARMUP_SENDS = 5;
const DRAIN_TIMEOUT_MS = 20_000;

async function createGroup(url: string, members: number): Promise<{ roomId: number; users: SessionUser[] }> {
  return withClient(url, async (client) => {
    const { rows: users } = await client.query<SessionUser>(
      `SELECT id, username, display_name AS name, 'USER' AS role FROM users WHERE is_active AND role = 'USER' ORDER BY id LIMIT $1`,
      [members],
    );
    if (users.length < members) throw new Error(`the dataset has ${users.length} users, the fan-out room needs ${members}`);
    const { rows } = await client.query<{ id: number }>(
      `WITH room AS (INSERT INTO chat_chatroom (name, kind, owner_id) VALUES ('Bench fan-out', 'GROUP', $1) RETURNING id),
       members AS (INSERT INTO chat_chatparticipant (room_id, user_id) SELECT room.id, unnest($2::int[]) FROM room)
       SELECT id FROM room`,
      [users[0].id, users.map((u) => u.id)],
    );
    return { roomId: rows[0].id, users };
  });
}

async function removeGroup(url: string, roomId: number): Promise<void> {
  await withClient(url, async (client) => {
    await client.query("DELETE FROM chat_chatroom WHERE id = $1", [roomId]);
    await client.query("SELECT pg_stat_force_next_flush()");
    await client.query("VACUUM (ANALYZE) chat_message, chat_chatroom, chat_chatparticipant, chat_message_hourly");
  });
}

/** Subscribes and reports whether the server admitted it, or refused it because it is full. */
function presenceOutcome(client: PusherJs, name: string): Promise<"admitted" | "full"> {
  const channel = client.subscribe(name);
  return new Promise((resolve, reject) => {
    channel.bind("pusher:subscription_succeeded", () => resolve("admitted"));
    channel.bind("pusher:subscription_error", (error: { type?: string }) =>
      error?.type === "LimitReached" ? resolve("full") : reject(new Error(`presence refused: ${JSON.stringify(error)}`)),
    );
  });
}

export async function benchFanout(app: App, url: string, realtime: RealtimeTarget, config: BenchConfig, progress: Progress): Promise<FanoutResult> {
  const { members, connected, sends, senders } = config.fanout;
  const task = progress.task(`fan-out: ${members}-member group, ${connected} connected`, sends);
  const { roomId, users } = await createGroup(url, members);
  const counter = await startPublishCounter({ host: realtime.host, port: realtime.port });
  app.publishTo(counter.host, counter.port);
  const clients: PusherJs[] = [];
  try {
    // Deliveries per message id: message.created on the room, room.activity on user channels.
    const created = new Map<number, number>();
    const activity = new Map<number, number>();
    const bump = (map: Map<number, number>, id: number) => map.set(id, (map.get(id) ?? 0) + 1);
    let presenceAdmitted = 0;
    task.step("connecting");
    await Promise.all(
      users.slice(0, connected).map(async (user) => {
        const client = connectAs(app, realtime, user);
        clients.push(client);
        const own = await subscribed(client, app.userChannel(user.id));
        own.bind(app.EVENTS.roomActivity, (data: { message_id: number }) => bump(activity, data.message_id));
        const room = await subscribed(client, app.roomChannel(roomId));
        room.bind(app.EVENTS.messageCreated, (data: { id: number }) => bump(created, data.id));
        if ((await presenceOutcome(client, app.roomPresenceChannel(roomId))) === "admitted") presenceAdmitted++;
      }),
    );

    const send = async (sender: SessionUser, i: number) => {
      const t0 = performance.now();
      const produced = await app.sendMessage({
        userId: sender.id,
        roomId,
        content: `Fan-out message ${i} from ${sender.username}`,
        clientId: randomUUID(),
      });
      const t1 = performance.now();
      const { message } = await app.deliver(produced);
      const t2 = performance.now();
      return { id: message.id, ms: t2 - t0, statementMs: t1 - t0, publishMs: t2 - t1 };
    };
    for (let i = 0; i < WARMUP_SENDS; i++) await send(users[i % senders], -1 - i);

    task.step("sending");
    const loadBefore = loadavg()[0];
    const callsBefore = counter.calls().length;
    const ids: number[] = [];
    const latencies: number[] = [];
    const statements: number[] = [];
    const publishes: number[] = [];
    const perSender = Math.ceil(sends / senders);
    await Promise.all(
      users.slice(0, senders).map(async (sender, s) => {
        for (let i = 0; i < perSender && s * perSender + i < sends; i++) {
          const sent = await send(sender, s * perSender + i);
          ids.push(sent.id);
          latencies.push(sent.ms);
          statements.push(sent.statementMs);
          publishes.push(sent.publishMs);
          task.tick();
        }
      }),
    );
    const calls = counter.calls().slice(callsBefore);

    const expectedPerMessage = 2 * connected;
    const received = (id: number) => Math.min(activity.get(id) ?? 0, connected) + Math.min(created.get(id) ?? 0, connected);
    const deliveredNow = () => ids.reduce((sum, id) => sum + received(id), 0);
    await until(() => deliveredNow() === ids.length * expectedPerMessage, "every delivery", DRAIN_TIMEOUT_MS).catch(() => {});
    const delivered = deliveredNow();
    const duplicated = ids.reduce(
      (sum, id) => sum + Math.max(0, (activity.get(id) ?? 0) - connected) + Math.max(0, (created.get(id) ?? 0) - connected),
      0,
    );
    const timing = summarize(latencies);
    const statement = summarize(statements);
    const publish = summarize(publishes);
    const result: FanoutResult = {
      members,
      connected,
      sends: ids.length,
      publish_calls_per_send: round(calls.length / ids.length, 2),
      max_channels_per_call: Math.max(0, ...calls.flatMap((c) => c.events.map((e) => e.channels.length))),
      send_p50_ms: timing.p50_ms,
      send_p99_ms: timing.p99_ms,
      statement_p50_ms: statement.p50_ms,
      statement_p99_ms: statement.p99_ms,
      publish_p50_ms: publish.p50_ms,
      publish_p99_ms: publish.p99_ms,
      presence_admitted: presenceAdmitted,
      presence_refused: connected - presenceAdmitted,
      expected: ids.length * expectedPerMessage,
      delivered,
      lost: ids.length * expectedPerMessage - delivered,
      duplicated,
      measured_at: new Date().toISOString(),
      load_average: [round(loadBefore, 2), round(loadavg()[0], 2)],
    };
    task.done(
      `${result.publish_calls_per_send} publish calls per send, p50 ${result.send_p50_ms} ms, p99 ${result.send_p99_ms} ms ` +
        `(statement p50 ${result.statement_p50_ms}, publish p50 ${result.publish_p50_ms}), ` +
        `${result.delivered} of ${result.expected} delivered`,
    );
    return result;
  } finally {
    for (const client of clients) client.disconnect();
    app.publishTo(realtime.host, realtime.port);
    await counter.close();
    await app.db.$disconnect();
    await removeGroup(url, roomId);
  }
}
