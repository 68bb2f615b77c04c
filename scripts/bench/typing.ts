// Typing indicators cost the database nothing: two pusher-js clients in a room exchange
// client-typing events through the realtime server while we watch PostgreSQL's tuple counters.
import type pg from "pg";
import type { SessionUser } from "@/lib/auth/credentials";
import type { TypingEvent } from "@/lib/wire/events";
import type { App, RealtimeTarget } from "./app";
import type { BenchConfig } from "./config";
import { withClient } from "./database";
import type { Progress } from "./progress";
import { connectAs, subscribed, until } from "./pusher-client";

export type TypingResult = {
  room_id: number;
  events: number;
  delivered: number;
  /** n_tup_ins + n_tup_upd + n_tup_del over pg_stat_user_tables. */
  db_writes: number;
  db_writes_per_event: number;
  /** tup_inserted + tup_updated + tup_deleted in pg_stat_database (catalogs included). */
  database_tuple_writes: number;
  /** Per relation (pg_stat_all_tables, catalogs included), the writes seen during the window. */
  changed_relations: Record<string, number>;
  events_per_second: number;
  /** Rows a known UPDATE through the app's pool showed in the same counters (must be 1). */
  control_writes_seen: number;
};

type Counters = { tables: number; database: number; relations: Map<string, number> };

async function counters(client: pg.Client): Promise<Counters> {
  await client.query("SELECT pg_stat_force_next_flush()");
  await client.query("SELECT pg_stat_clear_snapshot()");
  const { rows } = await client.query<{ tables: string; database: string }>(`
    SELECT (SELECT COALESCE(sum(n_tup_ins + n_tup_upd + n_tup_del), 0) FROM pg_stat_user_tables) AS tables,
      (SELECT tup_inserted + tup_updated + tup_deleted FROM pg_stat_database WHERE datname = current_database()) AS database`);
  const all = await client.query<{ name: string; writes: string }>(
    "SELECT schemaname || '.' || relname AS name, n_tup_ins + n_tup_upd + n_tup_del AS writes FROM pg_stat_all_tables",
  );
  return {
    tables: Number(rows[0].tables),
    database: Number(rows[0].database),
    relations: new Map(all.rows.map((r) => [r.name, Number(r.writes)])),
  };
}

/** Relations whose write counters moved between two readings. */
function changedRelations(before: Counters, after: Counters): Record<string, number> {
  const changed: Record<string, number> = {};
  for (const [name, writes] of after.relations) {
    const delta = writes - (before.relations.get(name) ?? 0);
    if (delta) changed[name] = delta;
  }
  return changed;
}

/**
 * Counters once they stop moving for a second: a backend that just disconnected reports its
 * last statistics as it exits, a moment after the client has let go.
 */
async function settledCounters(client: pg.Client): Promise<Counters> {
  let previous = await counters(client);
  for (let stable = 0; stable < 4; ) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    const next = await counters(client);
    stable = next.tables === previous.tables && next.database === previous.database ? stable + 1 : 0;
    previous = next;
  }
  return previous;
}

type Pair = { roomId: number; users: [SessionUser, SessionUser] };

async function twoPersonRoom(client: pg.Client): Promise<Pair> {
  const { rows } = await client.query<{ room_id: number; id: number; username: string; name: string }>(`
    SELECT p.room_id, u.id, u.username, u.display_name AS name FROM chat_chatparticipant p JOIN users u ON u.id = p.user_id
    WHERE p.room_id = (SELECT room_id FROM chat_chatparticipant GROUP BY room_id HAVING count(*) = 2 ORDER BY room_id LIMIT 1)
    ORDER BY u.id`);
  if (rows.length !== 2) throw new Error("no two-person room in the dataset");
  const user = (r: (typeof rows)[number]): SessionUser => ({ id: r.id, username: r.username, name: r.name, role: "USER" });
  return { roomId: rows[0].room_id, users: [user(rows[0]), user(rows[1])] };
}

export async function benchTyping(app: App, url: string, realtime: RealtimeTarget, config: BenchConfig, progress: Progress): Promise<TypingResult> {
  const { events, perSecond } = config.typing;
  return withClient(url, async (stats) => {
    const { roomId, users } = await twoPersonRoom(stats);
    const [typist, reader] = users.map((user) => connectAs(app, realtime, user));
    try {
      const channelName = app.roomPresenceChannel(roomId);
      const [typing, watching] = [await subscribed(typist, channelName), await subscribed(reader, channelName)];
      let delivered = 0;
      watching.bind(app.EVENTS.typing, () => {
        delivered += 1;
      });

      const task = progress.task("typing: client events vs database writes", events);
      // Control: one known write through the app's pool must show up, or the zero means nothing.
      task.step("control write");
      const start = await settledCounters(stats);
      await app.db.$executeRaw`UPDATE chat_chatparticipant SET last_seen = last_seen WHERE room_id = ${roomId} AND user_id = ${users[0].id}`;
      await app.db.$disconnect();
      const before = await settledCounters(stats);
      const controlWrites = before.tables - start.tables;
      if (controlWrites !== 1) throw new Error(`a known write showed as ${controlWrites} rows in pg_stat_user_tables`);
      task.step("sending");
      const started = performance.now();
      for (let i = 0; i < events; i++) {
        const due = started + (i * 1000) / perSecond;
        const wait = due - performance.now();
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
        const event: TypingEvent = { user_id: users[0].id, username: users[0].username, typing: i % 2 === 0 };
        if (!typing.trigger(app.EVENTS.typing, event)) throw new Error("client-typing was not sent");
        task.tick();
      }
      await until(() => delivered >= events, `${events} typing events to arrive (${delivered} so far)`).catch(() => {});
      const seconds = (performance.now() - started) / 1000;
      typist.disconnect();
      reader.disconnect();
      // Whatever the app's pooled connections did must be reported before we read.
      await app.db.$disconnect();
      task.step("settling statistics");
      const after = await settledCounters(stats);
      const writes = after.tables - before.tables;
      const result: TypingResult = {
        room_id: roomId,
        events,
        delivered,
        db_writes: writes,
        db_writes_per_event: writes / events,
        database_tuple_writes: after.database - before.database,
        changed_relations: changedRelations(before, after),
        events_per_second: Math.round(events / seconds),
        control_writes_seen: controlWrites,
      };
      task.done(`${delivered}/${events} delivered, ${writes} table writes, ${result.database_tuple_writes} database tuple writes`);
      return result;
    } finally {
      typist.disconnect();
      reader.disconnect();
    }
  });
}
