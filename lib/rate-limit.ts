import "server-only";
// Rate limits stored in PostgreSQL, so they hold across every app instance. A sliding window
// approximated from two fixed windows: the previous window's count weighted by how much of it
// still overlaps, plus the current window's count. One statement per check.
import { createHash } from "node:crypto";
import { type Db, db } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { log } from "@/lib/log";

export type Limit = { max: number; windowSeconds: number };
export type LimitName = "send" | "signIn" | "signInIp" | "channelAuth" | "upload" | "resetEmail" | "resetIp";

export function limits(): Record<LimitName, Limit> {
  const e = env();
  return {
    send: { max: e.RATE_LIMIT_SEND_MAX, windowSeconds: e.RATE_LIMIT_SEND_WINDOW },
    signIn: { max: e.RATE_LIMIT_SIGNIN_MAX, windowSeconds: e.RATE_LIMIT_SIGNIN_WINDOW },
    signInIp: { max: e.RATE_LIMIT_SIGNIN_IP_MAX, windowSeconds: e.RATE_LIMIT_SIGNIN_WINDOW },
    channelAuth: { max: e.RATE_LIMIT_CHANNEL_AUTH_MAX, windowSeconds: e.RATE_LIMIT_CHANNEL_AUTH_WINDOW },
    upload: { max: e.RATE_LIMIT_UPLOAD_MAX, windowSeconds: e.RATE_LIMIT_UPLOAD_WINDOW },
    // Password reset requests (and verification resends) per address, and reset requests per client.
    resetEmail: { max: e.RATE_LIMIT_RESET_MAX, windowSeconds: e.RATE_LIMIT_RESET_WINDOW },
    resetIp: { max: e.RATE_LIMIT_RESET_IP_MAX, windowSeconds: e.RATE_LIMIT_RESET_WINDOW },
  };
}

/** `windowStart` names the row this hit counted in, for `unhit`. */
export type LimitResult = { allowed: boolean; retryAfterSeconds: number; count: number; windowStart: Date };
/** The client to run on: the shared one, or a transaction's. */
export type Queryable = Pick<Db, "$queryRaw" | "$executeRaw">;

// rate_limit.key is VARCHAR(200), and keys carry what clients send (an address, an email): a
// longer key is stored as its prefix and a digest, rather than failing the insert (a 500).
const MAX_KEY_LENGTH = 200;
const storedKey = (key: string) => (key.length <= MAX_KEY_LENGTH ? key : `${key.slice(0, 120)}#${createHash("sha256").update(key).digest("hex")}`);

export async function hit(rawKey: string, limit: Limit, now = Date.now(), client: Queryable = db): Promise<LimitResult> {
  const key = storedKey(rawKey);
  const windowMs = limit.windowSeconds * 1000;
  const current = Math.floor(now / windowMs) * windowMs;
  const previous = current - windowMs;
  const rows = await client.$queryRaw<Array<{ current: number; previous: number }>>`
    WITH cur AS (
      INSERT INTO rate_limit (key, window_start, count) VALUES (${key}, ${new Date(current)}, 1)
      ON CONFLICT (key, window_start) DO UPDATE SET count = rate_limit.count + 1
      RETURNING count)
    SELECT (SELECT count FROM cur) AS current,
      COALESCE((SELECT count FROM rate_limit WHERE key = ${key} AND window_start = ${new Date(previous)}), 0) AS previous`;
  const overlap = 1 - (now - current) / windowMs;
  const count = rows[0].current + Math.floor(rows[0].previous * overlap);
  if (Math.random() < 0.01) void sweep(previous);
  const allowed = count <= limit.max;
  const retryAfterSeconds = allowed ? 0 : Math.max(1, Math.ceil((current + windowMs - now) / 1000));
  return { allowed, count, retryAfterSeconds, windowStart: new Date(current) };
}

/** Takes back one hit (an attempt that turned out not to count). */
export async function unhit(rawKey: string, windowStart: Date): Promise<void> {
  await db.$executeRaw`UPDATE rate_limit SET count = count - 1 WHERE key = ${storedKey(rawKey)} AND window_start = ${windowStart} AND count > 0`;
}

/** Forgets every window of a key. */
export async function clearKey(rawKey: string): Promise<void> {
  await db.$executeRaw`DELETE FROM rate_limit WHERE key = ${storedKey(rawKey)}`;
}

// A lock is a row whose window_start is the time it ends (so the sweep never removes a live one).

/** When the key's latest lock ends, if it is still in force at `now`. */
export async function lockedUntil(rawKey: string, now = Date.now(), client: Queryable = db): Promise<Date | null> {
  const rows = await client.$queryRaw<Array<{ until: Date | null }>>`
    SELECT max(window_start) AS until FROM rate_limit WHERE key = ${storedKey(rawKey)} AND window_start > ${new Date(now)}`;
  return rows[0]?.until ?? null;
}

export async function lock(rawKey: string, until: Date, client: Queryable = db): Promise<void> {
  await client.$executeRaw`
    INSERT INTO rate_limit (key, window_start, count) VALUES (${storedKey(rawKey)}, ${until}, 1)
    ON CONFLICT (key, window_start) DO UPDATE SET count = rate_limit.count + 1`;
}

export async function unlock(rawKey: string, until: Date): Promise<void> {
  await db.$executeRaw`DELETE FROM rate_limit WHERE key = ${storedKey(rawKey)} AND window_start = ${until}`;
}

/** Runs `fn` in a transaction holding a lock on `rawKey`, so concurrent callers take turns. */
export function serialized<T>(rawKey: string, fn: (client: Queryable) => Promise<T>): Promise<T> {
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${storedKey(rawKey)}, 0))`;
    return fn(tx);
  });
}

/** Throws rate_limited (429 with Retry-After at the doors) when the key is over its limit. */
export async function enforce(name: LimitName, key: string): Promise<void> {
  const result = await hit(`${name}:${key}`, limits()[name]);
  if (!result.allowed) {
    log.info({ event: "rate_limited", limit: name, retry_after_s: result.retryAfterSeconds }, "rate limited");
    throw new AppError("rate_limited", "Too many requests. Please wait a moment.", result.retryAfterSeconds);
  }
}

async function sweep(before: number) {
  await db.rateLimit.deleteMany({ where: { windowStart: { lt: new Date(before) } } }).catch(() => {});
}
