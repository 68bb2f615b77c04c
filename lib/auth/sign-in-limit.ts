import "server-only";
// Password sign-in limits that count failures, not attempts: per account, a lock that grows with
// each further failure once RATE_LIMIT_SIGNIN_MAX failures fall in the window; per client IP, a
// much higher RATE_LIMIT_SIGNIN_IP_MAX. A success clears the account's count. Each attempt is
// counted before its password is checked (a burst of parallel guesses cannot all slip through)
// and taken back once it turns out not to have been a failure.
import { AsyncLocalStorage } from "node:async_hooks";
import { accountIdFor, credentialsSchema } from "@/lib/auth/credentials";
import { AppError } from "@/lib/errors";
import { clientIp } from "@/lib/http/client-ip";
import { log } from "@/lib/log";
import { clearKey, hit, type LimitResult, limits, lock, lockedUntil, serialized, unhit, unlock } from "@/lib/rate-limit";

/** The first lock, in seconds; each further failure doubles it, up to the window. */
export const FIRST_LOCK_SECONDS = 60;

type Outcome = "succeeded" | "failed";
const attempts = new AsyncLocalStorage<{ outcome?: Outcome }>();

/** The credentials provider reports here once it has checked a password. */
export function reportSignInOutcome(outcome: Outcome): void {
  const attempt = attempts.getStore();
  if (attempt) attempt.outcome = outcome;
}

/**
 * Whether next-auth treats this path as a password sign-in: it takes the action and provider
 * from the first two segments after /api/auth and ignores the rest (`callback/credentials/x`).
 */
export function isCredentialsCallback(segments: readonly string[] | undefined): boolean {
  return segments?.[0] === "callback" && segments[1] === "credentials";
}

type Admitted = { ipKey: string; ipHit: LimitResult; failKey: string; lockKey: string; accountHit: LimitResult; lockSetUntil: Date | null };

function refuse(limit: string, retryAfterSeconds: number): never {
  log.info({ event: "rate_limited", limit, retry_after_s: retryAfterSeconds }, "rate limited");
  throw new AppError("rate_limited", "Too many sign-in attempts. Please wait a moment.", retryAfterSeconds);
}

async function admit(ip: string, identifier: string, now: number): Promise<Admitted> {
  const { signIn, signInIp } = limits();
  const id = await accountIdFor(identifier);
  const account = id === null ? `name:${identifier}` : `user:${id}`;
  const failKey = `signIn:account:${account}`;
  const lockKey = `signInLock:account:${account}`;
  const ipKey = `signInIp:ip:${ip}`;
  const ipHit = await hit(ipKey, signInIp, now);
  if (!ipHit.allowed) {
    await unhit(ipKey, ipHit.windowStart);
    refuse("signInIp", ipHit.retryAfterSeconds);
  }
  const gate = await serialized(lockKey, async (tx) => {
    const until = await lockedUntil(lockKey, now, tx);
    if (until) return { refused: true as const, retryAfterSeconds: Math.max(1, Math.ceil((until.getTime() - now) / 1000)) };
    const accountHit = await hit(failKey, signIn, now, tx);
    if (accountHit.count < signIn.max) return { refused: false as const, accountHit, lockSetUntil: null };
    // This attempt may go ahead; the next one waits unless it succeeds.
    const seconds = Math.min(FIRST_LOCK_SECONDS * 2 ** (accountHit.count - signIn.max), signIn.windowSeconds);
    const lockSetUntil = new Date(now + seconds * 1000);
    await lock(lockKey, lockSetUntil, tx);
    return { refused: false as const, accountHit, lockSetUntil };
  }).catch(async (error: unknown) => {
    await unhit(ipKey, ipHit.windowStart);
    throw error;
  });
  if (gate.refused) {
    await unhit(ipKey, ipHit.windowStart);
    refuse("signIn", gate.retryAfterSeconds);
  }
  return { ipKey, ipHit, failKey, lockKey, accountHit: gate.accountHit, lockSetUntil: gate.lockSetUntil };
}

async function settle(admitted: Admitted, outcome: Outcome | undefined): Promise<void> {
  if (outcome === "failed") return;
  await unhit(admitted.ipKey, admitted.ipHit.windowStart);
  if (outcome === "succeeded") {
    await Promise.all([clearKey(admitted.failKey), clearKey(admitted.lockKey)]);
    return;
  }
  // No password was checked (a refused CSRF token, an error): the attempt does not count.
  await unhit(admitted.failKey, admitted.accountHit.windowStart);
  if (admitted.lockSetUntil) await unlock(admitted.lockKey, admitted.lockSetUntil);
}

/**
 * Runs next-auth's credentials callback under the limits. `body` is the request body parsed as
 * next-auth parses it; one that `authorize` would refuse unread passes without counting.
 * Throws rate_limited (429 with Retry-After at the door) when a limit refuses the attempt.
 */
export async function limitSignIn(headers: Headers, body: unknown, signIn: () => Promise<Response>, now = Date.now()): Promise<Response> {
  const credentials = credentialsSchema.safeParse(body);
  if (!credentials.success) return signIn();
  const admitted = await admit(clientIp(headers), credentials.data.email, now);
  const attempt: { outcome?: Outcome } = {};
  try {
    return await attempts.run(attempt, signIn);
  } finally {
    await settle(admitted, attempt.outcome).catch((error: unknown) =>
      log.error({ event: "auth.limit_settle", error: String(error) }, "could not settle a sign-in attempt's count"),
    );
  }
}
