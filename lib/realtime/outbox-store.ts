import "server-only";
// The outbox table (realtime_outbox): events stored in the transaction of the change that made
// them, then marked published, or left with a retry time for the drainer (lib/realtime/drain.ts).
// Events are opaque JSON here: whatever lib/wire/events.ts builds is stored and later handed to
// publishAll as it was.
import { db, type Db } from "@/lib/db";
import type { WithEvents } from "@/lib/realtime/outbox";
import type { OutgoingEvent } from "@/lib/wire/events";

export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];
type Client = Pick<Db, "$queryRaw" | "$executeRaw">;

/** Retry delays: base doubling per attempt up to the cap, each with ±50 % jitter. */
export const BACKOFF = { baseMs: 250, capMs: 60_000 } as const;
/** After this many failed attempts a row is given up (logged, counted, pruned a week later). */
export const MAX_ATTEMPTS = 20;

/**
 * An event that is one user's whole view of something (their room list entry, a group's member
 * list) on one channel has a key: a newer event with the same key makes replaying an older
 * unpublished one pointless, and harmful when it would land after the newer one. Events sent to
 * several channels, or that say what changed rather than the result, have none and are always
 * replayed. Read loosely, so the event's shape may grow.
 */
export function supersedeKey(event: OutgoingEvent): string | null {
  const e = event as { event?: unknown; channel?: unknown; channels?: unknown; payload?: { id?: unknown; room_id?: unknown } };
  if (typeof e.channel !== "string" || e.channels !== undefined) return null;
  if (e.event === "room.updated" && typeof e.payload?.id === "number") return `room.updated|${e.channel}|${e.payload.id}`;
  if (e.event === "members.updated" && typeof e.payload?.room_id === "number") return `members.updated|${e.channel}|${e.payload.room_id}`;
  return null;
}

/**
 * Prisma's interactive defaults (2 s to get a connection, 5 s in all) would refuse sends that a
 * single statement used to simply queue for: a burst of sends into one room waits on the pool
 * and then on the room lock. A database that is down still fails at once (connection refused).
 */
const TRANSACTION_OPTIONS = { maxWait: 10_000, timeout: 20_000 } as const;

/** One multi-row insert; the new rows' ids in the order of `events`. */
export async function enqueueEvents(tx: Client, events: OutgoingEvent[]): Promise<number[]> {
  if (events.length === 0) return [];
  const rows = events.map((event) => ({ event, key: supersedeKey(event) }));
  // Rows are inserted (and their ids drawn) in ordinality order, so ascending ids follow `events`.
  const inserted = await tx.$queryRaw<Array<{ id: bigint }>>`
    INSERT INTO realtime_outbox (event, supersede_key)
    SELECT r.value->'event', r.value->>'key' FROM jsonb_array_elements(${JSON.stringify(rows)}::jsonb) WITH ORDINALITY r
    ORDER BY r.ordinality
    RETURNING id`;
  return inserted.map((r) => Number(r.id)).sort((a, b) => a - b);
}

/**
 * Runs a domain step in one transaction and stores the events it returns in that same
 * transaction: the change and what tells the world about it commit together or not at all.
 */
export async function withOutbox<T>(step: (tx: Tx) => Promise<WithEvents<T>>): Promise<WithEvents<T>> {
  return db.$transaction(async (tx) => {
    const produced = await step(tx);
    return { ...produced, outboxIds: await enqueueEvents(tx, produced.events) };
  }, TRANSACTION_OPTIONS);
}

export async function markPublished(ids: number[], client: Client = db): Promise<void> {
  if (ids.length === 0) return;
  await client.$executeRaw`UPDATE realtime_outbox SET published_at = now() WHERE id = ANY(${ids}::bigint[]) AND published_at IS NULL`;
}

/** A failed attempt: counted, with the next try after the backoff. Returns how many rows have now run out of attempts. */
export async function markFailed(ids: number[], error: string, client: Client = db): Promise<number> {
  if (ids.length === 0) return 0;
  const rows = await client.$queryRaw<Array<{ attempts: number }>>`
    UPDATE realtime_outbox SET attempts = attempts + 1, last_error = ${error.slice(0, 500)},
      next_attempt_at = now() + least(${BACKOFF.baseMs}::float8 * power(2, attempts), ${BACKOFF.capMs}::float8) * (0.5 + random()) * interval '1 millisecond'
    WHERE id = ANY(${ids}::bigint[]) AND published_at IS NULL
    RETURNING attempts`;
  return rows.filter((r) => r.attempts >= MAX_ATTEMPTS).length;
}
