// Password sign-in limits, driven through next-auth's real route handler (tests/support/sign-in.ts):
// failures count, per account with a growing lock and per client IP with a higher threshold;
// successes and attempts that never reach a password check do not. The client IP comes only from
// a hop the deployment trusts. The clock (Date only) is frozen inside one window so a burst
// cannot straddle two; lock expiry is reached by moving it forward.
import bcrypt from "bcryptjs";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { resetEnvCache } from "@/lib/env";
import { FIRST_LOCK_SECONDS } from "@/lib/auth/sign-in-limit";
import { makeUser } from "@/tests/support/factories";
import { attemptSignIn, type Csrf, csrfPair } from "@/tests/support/sign-in";

const PASSWORD = "correct horse";
const WINDOW_MS = 900_000;
// Far from the real clock, so these windows and locks never meet other tests' counts.
let clock = Date.UTC(2101, 0, 1);
const ENV_KEYS = ["TRUSTED_PROXY_HOPS", "VERCEL", "RATE_LIMIT_SIGNIN_IP_MAX", "CRON_SECRET", "MARKETPLACE_API_TOKEN"] as const;

function setEnv(values: Partial<Record<(typeof ENV_KEYS)[number], string>>) {
  for (const key of ENV_KEYS) delete process.env[key];
  Object.assign(process.env, values);
  resetEnvCache();
}

/** Freezes Date at the start of a fresh window, at least a day after the previous test's. */
function freezeInFreshWindow() {
  vi.useFakeTimers({ toFake: ["Date"] });
  clock = Math.ceil((clock + 86_400_000) / WINDOW_MS) * WINDOW_MS + 1_000;
  vi.setSystemTime(clock);
}

const advance = (seconds: number) => {
  clock += seconds * 1000;
  vi.setSystemTime(clock);
};

describe("password sign-in limits (through POST /api/auth/callback/credentials)", () => {
  let csrf: Csrf;
  let hash: string;
  const account = async () => (await makeUser({ passwordHash: hash })).username;

  beforeAll(async () => {
    hash = await bcrypt.hash(PASSWORD, 4);
    csrf = await csrfPair();
  });
  afterEach(() => {
    vi.useRealTimers();
    setEnv({});
  });
  afterAll(async () => {
    await db.rateLimit.deleteMany({ where: { windowStart: { gte: new Date(Date.UTC(2100, 0, 1)) } } });
  });

  it("locks an account after 10 failures, for a time that doubles with each further failure; the right password then clears it", async () => {
    freezeInFreshWindow();
    setEnv({ TRUSTED_PROXY_HOPS: "1" });
    const name = await account();
    const headers = { "x-forwarded-for": "203.0.113.10" };
    const wrong = () => attemptSignIn({ email: name, password: "wrong", csrf, headers });
    for (let i = 0; i < 10; i++) expect(await wrong()).toMatchObject({ status: 401, signedIn: false });
    // The 11th, even with the right password, waits for the first lock.
    const locked = await attemptSignIn({ email: name, password: PASSWORD, csrf, headers });
    expect(locked).toMatchObject({ status: 429, signedIn: false, retryAfter: FIRST_LOCK_SECONDS });
    advance(FIRST_LOCK_SECONDS);
    // One guess after the lock ends, then a lock twice as long.
    expect(await wrong()).toMatchObject({ status: 401 });
    expect(await wrong()).toMatchObject({ status: 429, retryAfter: 2 * FIRST_LOCK_SECONDS });
    advance(2 * FIRST_LOCK_SECONDS);
    expect(await wrong()).toMatchObject({ status: 401 });
    expect(await wrong()).toMatchObject({ status: 429, retryAfter: 4 * FIRST_LOCK_SECONDS });
    advance(4 * FIRST_LOCK_SECONDS);
    expect(await attemptSignIn({ email: name, password: PASSWORD, csrf, headers })).toMatchObject({ status: 200, signedIn: true });
    // Cleared: ten more failures are answered as failures again.
    for (let i = 0; i < 10; i++) expect(await wrong()).toMatchObject({ status: 401 });
    expect((await wrong()).status).toBe(429);
  });

  it("counts the email and the username of one account together, over every path and body next-auth accepts", async () => {
    freezeInFreshWindow();
    const user = await makeUser({ passwordHash: hash });
    const email = `${user.username}@test.example`;
    const variants = [
      { email: user.username },
      { email: email.toUpperCase(), json: true },
      { email, path: ["callback", "credentials", "x"] },
      { email: ` ${user.username} `, path: ["callback", "credentials", "a", "b"], json: true },
    ];
    for (let i = 0; i < 10; i++) expect((await attemptSignIn({ ...variants[i % 4], password: "wrong", csrf })).status).toBe(401);
    for (const variant of variants) {
      expect(await attemptSignIn({ ...variant, password: PASSWORD, csrf }), JSON.stringify(variant)).toMatchObject({ status: 429, signedIn: false });
    }
  });

  it("counts an unknown account named in right-to-left text, CJK and emoji, however many bytes its key takes", async () => {
    freezeInFreshWindow();
    // 4 + 2 + 220 UTF-16 units, 8 + 6 + 440 bytes: the stored key is over VARCHAR(200) and is digested.
    const name = `שלום漢字${"😀".repeat(110)}`;
    for (let i = 0; i < 10; i++) expect((await attemptSignIn({ email: name, password: "wrong", csrf })).status).toBe(401);
    expect(await attemptSignIn({ email: name, password: "wrong", csrf })).toMatchObject({ status: 429, retryAfter: FIRST_LOCK_SECONDS });
    // A different name with the same long prefix is a different account.
    expect((await attemptSignIn({ email: `${name.slice(0, -2)}🙂`, password: "wrong", csrf })).status).toBe(401);
  });

  it("does not count attempts that never reach a password check (a forged CSRF token, a body authorize refuses)", async () => {
    freezeInFreshWindow();
    const name = await account();
    const forged = { ...csrf, token: "0".repeat(64) };
    for (let i = 0; i < 15; i++) expect((await attemptSignIn({ email: name, password: "wrong", csrf: forged })).signedIn).toBe(false);
    for (let i = 0; i < 5; i++) expect((await attemptSignIn({ email: [name], password: "wrong", csrf, json: true })).signedIn).toBe(false);
    expect(await attemptSignIn({ email: name, password: PASSWORD, csrf })).toMatchObject({ status: 200, signedIn: true });
  });

  it("lets at most 10 of 25 parallel wrong guesses at one account reach the password check", async () => {
    freezeInFreshWindow();
    const name = await account();
    const results = await Promise.all(Array.from({ length: 25 }, () => attemptSignIn({ email: name, password: "wrong", csrf })));
    expect(results.filter((r) => r.status === 401)).toHaveLength(10);
    expect(results.filter((r) => r.status === 429)).toHaveLength(15);
  });

  it("refuses one IP after its failures pass RATE_LIMIT_SIGNIN_IP_MAX, across accounts; other IPs and successes are unaffected", async () => {
    freezeInFreshWindow();
    setEnv({ TRUSTED_PROXY_HOPS: "1", RATE_LIMIT_SIGNIN_IP_MAX: "5" });
    const names = await Promise.all(Array.from({ length: 7 }, account));
    const from = (ip: string) => ({ "x-forwarded-for": ip });
    // Successes do not count: many sign-ins from one address all go through.
    for (let i = 0; i < 12; i++)
      expect((await attemptSignIn({ email: names[i % 7], password: PASSWORD, csrf, headers: from("198.51.100.1") })).signedIn).toBe(true);
    for (let i = 0; i < 5; i++)
      expect((await attemptSignIn({ email: names[i], password: "wrong", csrf, headers: from("198.51.100.2") })).status).toBe(401);
    const refused = await attemptSignIn({ email: names[6], password: PASSWORD, csrf, headers: from("198.51.100.2") });
    expect(refused.status).toBe(429);
    expect(refused.retryAfter).toBeGreaterThan(0);
    expect((await attemptSignIn({ email: names[6], password: PASSWORD, csrf, headers: from("198.51.100.1") })).signedIn).toBe(true);
  });

  it("under the default trust (TRUSTED_PROXY_HOPS=0) a forged X-Forwarded-For does not escape the per-IP limit", async () => {
    freezeInFreshWindow();
    setEnv({ RATE_LIMIT_SIGNIN_IP_MAX: "5" });
    const names = await Promise.all(Array.from({ length: 6 }, account));
    for (let i = 0; i < 5; i++) {
      expect((await attemptSignIn({ email: names[i], password: "wrong", csrf, headers: { "x-forwarded-for": `192.0.2.${i}` } })).status).toBe(401);
    }
    const forged = { "x-forwarded-for": "192.0.2.99", "x-real-ip": "192.0.2.98", "x-vercel-forwarded-for": "192.0.2.97" };
    expect((await attemptSignIn({ email: names[5], password: PASSWORD, csrf, headers: forged })).status).toBe(429);
  });

  it("behind one trusted proxy counts the address that proxy appended, not the entries the client wrote", async () => {
    freezeInFreshWindow();
    setEnv({ TRUSTED_PROXY_HOPS: "1", RATE_LIMIT_SIGNIN_IP_MAX: "5" });
    const names = await Promise.all(Array.from({ length: 6 }, account));
    for (let i = 0; i < 5; i++) {
      expect(
        (await attemptSignIn({ email: names[i], password: "wrong", csrf, headers: { "x-forwarded-for": `10.9.9.${i}, 198.51.100.77` } })).status,
      ).toBe(401);
    }
    expect(
      (await attemptSignIn({ email: names[5], password: PASSWORD, csrf, headers: { "x-forwarded-for": "10.9.9.200, 198.51.100.77" } })).status,
    ).toBe(429);
    expect(
      (await attemptSignIn({ email: names[5], password: PASSWORD, csrf, headers: { "x-forwarded-for": "198.51.100.77, 198.51.100.78" } })).signedIn,
    ).toBe(true);
  });

  it("on Vercel (VERCEL=1) counts the platform's x-vercel-forwarded-for, ignoring X-Forwarded-For", async () => {
    freezeInFreshWindow();
    setEnv({
      VERCEL: "1",
      RATE_LIMIT_SIGNIN_IP_MAX: "5",
      CRON_SECRET: "k3Jd8sQ0pLr5Vt2Yx9Wz",
      MARKETPLACE_API_TOKEN: "mk_signin_4Wc8Nr1Tq6Zx3Lv9Bp2Ym7Dk5Hg0Js",
    });
    // next-auth itself reads VERCEL too (https origin, __Host- cookie names): a pair made under it.
    const csrf = await csrfPair();
    const names = await Promise.all(Array.from({ length: 6 }, account));
    for (let i = 0; i < 5; i++) {
      const headers = { "x-vercel-forwarded-for": "2001:db8::1", "x-forwarded-for": `10.8.8.${i}` };
      expect((await attemptSignIn({ email: names[i], password: "wrong", csrf, headers })).status).toBe(401);
    }
    expect((await attemptSignIn({ email: names[5], password: PASSWORD, csrf, headers: { "x-vercel-forwarded-for": "2001:db8::1" } })).status).toBe(
      429,
    );
    expect((await attemptSignIn({ email: names[5], password: PASSWORD, csrf, headers: { "x-vercel-forwarded-for": "2001:db8::2" } })).signedIn).toBe(
      true,
    );
  });
});
