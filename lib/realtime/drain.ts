import "server-only";
// Publishing the outbox (realtime_outbox): right after commit for the rows a request wrote
// (lib/realtime/deliver.ts), and by the drainer for whatever is left (a failed publish, a process
// that died between commit and publish). Several drainers are safe: rows are claimed with
// FOR UPDATE SKIP LOCKED and leased. At least once: a browser may see an event twice (it
// deduplicates by id) but never misses one the API eventually accepts.
import { db } from "@/lib/db";
import { log } from "@/lib/log";
import { metrics } from "@/lib/metrics";
import { MAX_ATTEMPTS, markFailed, markPublished } from "@/lib/realtime/outbox-store";
import { groupIntoCalls, publishAll } from "@/lib/realtime/publish";
import type { OutgoingEvent } from "@/lib/wire/events";

export type StoredEvent = { id: number; event: OutgoingEvent };
export type DrainResult = { claimed: number; published: number; failed: number; superseded: number };

/** Rows younger than this are the immediate publisher's (still in flight): the drainer leaves them. */
export const DRAIN_GRACE_MS = 1000;
/** How long a claimed row is held before another drainer may take it (longer than a publish's timeout). */
const LEASE_MS = 30_000;
const FAILED = "the realtime API did not accept the event";
/** Rows published right after commit are marked together, a few ms later, in one statement. */
const MARK_DELAY_MS = 20;

let toMark: number[] = [];
let markScheduled = false;

/**
 * Marks rows published without holding up the request that published them: one UPDATE for all
 * the requests of the last few ms. Should it never run (the process ends first), the drainer
 * publishes those rows again after its grace: a duplicate the browser ignores, never a loss.
 */
function markPublishedSoon(ids: number[]): void {
  if (ids.length === 0) return;
  toMark.push(...ids);
  if (markScheduled) return;
  markScheduled = true;
  setTimeout(() => {
    markScheduled = false;
    const batch = toMark;
    toMark = [];
    markPublished(batch).catch((error: unknown) =>
      log.warn({ event: "outbox.mark", rows: batch.length, error: String(error) }, "could not mark published rows"),
    );
  }, MARK_DELAY_MS);
}

/** Publishes stored events, one chunk per HTTP call; marks what went out, gives what did not its retry time. Never throws. */
export async function publishStored(rows: StoredEvent[], via: "immediate" | "drain"): Promise<{ published: number; failed: number }> {
  // One chunk per HTTP call, so a refused call sets back only its own rows: with several
  // multi-channel events in one chunk, a chunk would need every one of its calls to succeed.
  const chunks = groupIntoCalls(rows, (r) => r.event);
  const outcomes = await Promise.all(chunks.map(async (chunk) => ({ chunk, ok: await publishAll(chunk.map((r) => r.event)) })));
  const ok = outcomes.filter((o) => o.ok).flatMap((o) => o.chunk.map((r) => r.id));
  const failed = outcomes.filter((o) => !o.ok).flatMap((o) => o.chunk.map((r) => r.id));
  try {
    if (via === "immediate") markPublishedSoon(ok);
    else await markPublished(ok);
    const givenUp = await markFailed(failed, FAILED);
    if (givenUp) {
      metrics.outboxGivenUp.inc(givenUp);
      log.error({ event: "outbox.given_up", events: givenUp, attempts: MAX_ATTEMPTS }, "outbox events given up after every retry");
    }
  } catch (error) {
    // The rows keep their lease and come back to a drainer: a second publish, never a lost one.
    log.warn({ event: "outbox.mark", via, error: String(error) }, "could not record the outcome of a publish");
  }
  if (ok.length) metrics.outboxPublished.inc({ via }, ok.length);
  if (failed.length) metrics.outboxFailures.inc({ via }, failed.length);
  return { published: ok.length, failed: failed.length };
}

type Claimed = { id: bigint; event: OutgoingEvent; superseded: boolean };

/** Takes up to `limit` due rows (oldest first) and leases them; those a newer event of the same key has made pointless are closed at once. */
async function claim(limit: number, graceMs: number): Promise<Claimed[]> {
  return db.$queryRaw<Claimed[]>`
    WITH due AS (
      SELECT id FROM realtime_outbox
      WHERE published_at IS NULL AND next_attempt_at <= now() AND attempts < ${MAX_ATTEMPTS}
        AND created_at <= now() - ${graceMs}::float8 * interval '1 millisecond'
      ORDER BY id LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    ), judged AS (
      SELECT o.id, (o.supersede_key IS NOT NULL AND EXISTS (
        SELECT 1 FROM realtime_outbox n WHERE n.supersede_key = o.supersede_key AND n.id > o.id)) AS superseded
      FROM realtime_outbox o JOIN due USING (id)
    )
    UPDATE realtime_outbox o SET
      published_at = CASE WHEN j.superseded THEN now() END,
      last_error = CASE WHEN j.superseded THEN 'superseded' ELSE o.last_error END,
      next_attempt_at = now() + ${LEASE_MS}::float8 * interval '1 millisecond'
    FROM judged j WHERE o.id = j.id
    RETURNING o.id, o.event, j.superseded`;
}

/**
 * Publishes due rows until none are left or `budgetMs` has passed. Throws only when the
 * database cannot be reached (the caller logs it and tries again later).
 */
export async function drainOutbox(options: { limit?: number; graceMs?: number; budgetMs?: number } = {}): Promise<DrainResult> {
  const { limit = 200, graceMs = DRAIN_GRACE_MS, budgetMs = 5000 } = options;
  const started = Date.now();
  const total: DrainResult = { claimed: 0, published: 0, failed: 0, superseded: 0 };
  for (;;) {
    const rows = await claim(limit, graceMs);
    const live = rows.filter((r) => !r.superseded).map((r) => ({ id: Number(r.id), event: r.event }));
    const { published, failed } = await publishStored(live, "drain");
    total.claimed += rows.length;
    total.superseded += rows.length - live.length;
    total.published += published;
    total.failed += failed;
    if (rows.length < limit || failed > 0 || Date.now() - started > budgetMs) break;
  }
  if (total.claimed) log.info({ event: "outbox.drain", ...total, duration_ms: Date.now() - started }, "outbox drained");
  return total;
}

/** Published rows are kept a day (for inspection), rows given up a week; deleted in bounded steps. */
export async function pruneOutbox(): Promise<{ published: number; givenUp: number }> {
  const published = await db.$executeRaw`
    DELETE FROM realtime_outbox WHERE id IN (
      SELECT id FROM realtime_outbox WHERE published_at < now() - interval '1 day' LIMIT 10000)`;
  const givenUp = await db.$executeRaw`
    DELETE FROM realtime_outbox WHERE id IN (
      SELECT id FROM realtime_outbox
      WHERE published_at IS NULL AND attempts >= ${MAX_ATTEMPTS} AND created_at < now() - interval '7 days' LIMIT 10000)`;
  if (published + givenUp) {
    metrics.outboxPruned.inc(published + givenUp);
    log.info({ event: "outbox.prune", published, given_up: givenUp }, "outbox pruned");
  }
  return { published, givenUp };
}
