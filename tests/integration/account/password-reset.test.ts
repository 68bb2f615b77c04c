// Password reset through its doors (the server actions the pages call), with the mail received
// over real SMTP: the same answer for a known and an unknown address, a single-use token that
// expires in 30 minutes, every earlier session signed out, and a flood refused alike for both.
import bcrypt from "bcryptjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asCaller, inNextScope } from "@/tests/support/next-scope";
import { requestPasswordResetAction, resetPasswordAction } from "@/app/(auth)/actions";
import { verifyCredentials } from "@/lib/auth/credentials";
import { userFromRequest } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { resetEnvCache } from "@/lib/env";
import { makeUser } from "@/tests/support/factories";
import { request } from "@/tests/support/http";
import { linkIn, mailTo, ownMailServer, waitForMail } from "@/tests/support/mail";
import { attemptSignIn, csrfPair } from "@/tests/support/sign-in";

let mail: Awaited<ReturnType<typeof ownMailServer>>;
let ipSeq = 0;
// Each test its own client address, so the per-IP limit is only met where a test means it.
const ask = (email: unknown, ip = `192.0.2.${++ipSeq}`) =>
  inNextScope(() => requestPasswordResetAction({ email }), { headers: { "x-forwarded-for": ip } }).then((r) => r.value);
const reset = (token: string, password: string) => inNextScope(() => resetPasswordAction({ token, password })).then((r) => r.value);
const emailOf = (user: { username: string }) => `${user.username}@test.example`;
const OLD = "old password 1";

async function resetLink(user: { username: string }, count = 1) {
  const messages = await waitForMail(mail, emailOf(user), count);
  return linkIn(messages[count - 1], "/reset-password").searchParams.get("token") ?? "";
}

beforeAll(async () => {
  mail = await ownMailServer();
  process.env.TRUSTED_PROXY_HOPS = "1";
  resetEnvCache();
});
afterAll(async () => {
  delete process.env.TRUSTED_PROXY_HOPS;
  resetEnvCache();
  await mail.restore();
});

describe("password reset", () => {
  it("answers a known and an unknown address alike, and mails only the known one", async () => {
    const user = await makeUser({ passwordHash: await bcrypt.hash(OLD, 10) });
    const known = await ask(emailOf(user).toUpperCase());
    const unknown = await ask(`nobody_${Date.now()}@test.example`);
    expect(known).toEqual(unknown);
    expect(known).toMatchObject({ ok: true, data: { message: expect.stringMatching(/If an account uses that address/) } });
    const [message] = await waitForMail(mail, emailOf(user));
    expect(message.subject).toBe("Reset your JobChat password");
    expect(linkIn(message, "/reset-password").origin).toBe("http://localhost:3000");
    // Only a hash of the token is stored.
    const token = linkIn(message, "/reset-password").searchParams.get("token") ?? "";
    const stored = await db.accountToken.findFirstOrThrow({ where: { userId: user.id, purpose: "password_reset" } });
    expect(stored.tokenHash).not.toContain(token);
    expect(Math.round((stored.expiresAt.getTime() - stored.createdAt.getTime()) / 60_000)).toBe(30);
  });

  it("sets the new password with the mailed token once, signs out every earlier session, and refuses a replay", async () => {
    const user = await makeUser({ passwordHash: await bcrypt.hash(OLD, 10) });
    const csrf = await csrfPair();
    const before = await attemptSignIn({ email: emailOf(user), password: OLD, csrf });
    expect(before.sessionCookie).not.toBeNull();
    const sessionRequest = (cookie: string) => request(null, "GET", "/api/chat/rooms", { headers: { cookie } });
    expect(await userFromRequest(await sessionRequest(before.sessionCookie ?? ""))).toMatchObject({ id: user.id });

    await ask(emailOf(user));
    const token = await resetLink(user);
    expect(await reset(token, "brand new secret")).toMatchObject({ ok: true });

    expect(await verifyCredentials(emailOf(user), OLD)).toBeNull();
    expect(await verifyCredentials(emailOf(user), "brand new secret")).toMatchObject({ id: user.id });
    // The session from before the reset is signed out; a new sign-in works.
    expect(await userFromRequest(await sessionRequest(before.sessionCookie ?? ""))).toBeNull();
    const after = await attemptSignIn({ email: emailOf(user), password: "brand new secret", csrf: await csrfPair() });
    expect(await userFromRequest(await sessionRequest(after.sessionCookie ?? ""))).toMatchObject({ id: user.id });
    // Also as the pages' server actions see it (getServerSession).
    expect((await asCaller(user, async () => (await import("@/lib/auth/session")).currentUser())).value).toBeNull();

    const replay = await reset(token, "another new secret");
    expect(replay).toMatchObject({ ok: false, error: { code: "invalid_input" } });
    expect(await verifyCredentials(emailOf(user), "brand new secret")).toMatchObject({ id: user.id });
  });

  it("refuses an expired, forged or superseded token, and changes nothing", async () => {
    const user = await makeUser({ passwordHash: await bcrypt.hash(OLD, 10) });
    await ask(emailOf(user));
    const first = await resetLink(user);
    await ask(emailOf(user));
    const second = await resetLink(user, 2);
    // Asking again voids the earlier link.
    expect(await reset(first, "brand new secret")).toMatchObject({ ok: false, error: { code: "invalid_input" } });
    await db.accountToken.updateMany({ where: { userId: user.id, usedAt: null }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await reset(second, "brand new secret")).toMatchObject({ ok: false, error: { code: "invalid_input" } });
    for (const forged of ["", "x".repeat(43), `${second.slice(0, -1)}${second.endsWith("A") ? "B" : "A"}`, "🔑".repeat(11)]) {
      expect(await reset(forged, "brand new secret")).toMatchObject({ ok: false, error: { code: "invalid_input" } });
    }
    expect(await verifyCredentials(emailOf(user), OLD)).toMatchObject({ id: user.id });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).sessionVersion).toBe(0);
  });

  it("counts the new password in bytes: at most 72 (bcrypt's limit), CJK and emoji included", async () => {
    const user = await makeUser({ passwordHash: await bcrypt.hash(OLD, 10) });
    await ask(emailOf(user));
    const token = await resetLink(user);
    // 25 CJK characters are 75 bytes, 19 emoji 76, 37 Hebrew letters 74: refused.
    for (const tooLong of ["密".repeat(25), "🔑".repeat(19), "ש".repeat(37), "a".repeat(73), "short"]) {
      expect(await reset(token, tooLong)).toMatchObject({ ok: false, error: { code: "invalid_input" } });
    }
    // 24 CJK characters are 72 bytes: accepted, and the whole of it counts.
    expect(await reset(token, "密".repeat(24))).toMatchObject({ ok: true });
    expect(await verifyCredentials(emailOf(user), "密".repeat(24))).toMatchObject({ id: user.id });
    expect(await verifyCredentials(emailOf(user), "密".repeat(23))).toBeNull();
  });

  it("refuses a flood for one address with 429, alike for a known and an unknown address, and mails no more", async () => {
    const user = await makeUser();
    const unknown = `flood_${Date.now()}@test.example`;
    const answers = { known: [] as unknown[], unknown: [] as unknown[] };
    for (let i = 0; i < 7; i++) {
      answers.known.push(await ask(emailOf(user)));
      answers.unknown.push(await ask(unknown));
    }
    expect(answers.known).toEqual(answers.unknown);
    expect(answers.known.slice(0, 5)).toEqual(Array(5).fill(expect.objectContaining({ ok: true })));
    expect(answers.known.slice(5)).toEqual(Array(2).fill({ ok: false, error: { code: "rate_limited", message: expect.any(String) } }));
    await waitForMail(mail, emailOf(user), 5);
    // Once the five have arrived, nothing else is on its way.
    expect(await db.accountToken.count({ where: { userId: user.id } })).toBe(5);
    expect(mailTo(mail, emailOf(user))).toHaveLength(5);
  });

  it("refuses a flood from one client address across many email addresses", async () => {
    const ip = "198.51.100.9";
    const results = [];
    for (let i = 0; i < 31; i++) results.push(await ask(`spray_${i}_${Date.now()}@test.example`, ip));
    expect(results.slice(0, 30).every((r) => r.ok)).toBe(true);
    expect(results[30]).toMatchObject({ ok: false, error: { code: "rate_limited" } });
  });

  it("refuses malformed input with invalid_input", async () => {
    for (const bad of [undefined, "", "not an email", `${"a".repeat(250)}@x.example`, { $ne: 1 }]) {
      expect(await ask(bad)).toMatchObject({ ok: false, error: { code: "invalid_input" } });
    }
  });
});
