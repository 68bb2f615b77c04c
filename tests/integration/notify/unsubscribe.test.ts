// The unsubscribe link works without signing in: the one-click POST (RFC 8058) and the page's
// button both turn unread emails off for the signed token's user; a forged, altered, expired or
// replayed token is refused with a 4xx and changes nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inNextScope } from "@/tests/support/next-scope";
import { unsubscribeAction } from "@/app/(auth)/unsubscribe/actions";
import UnsubscribePage from "@/app/(auth)/unsubscribe/page";
import { POST as oneClick } from "@/app/api/notify/unsubscribe/route";
import { db } from "@/lib/db";
import { unsubscribeToken } from "@/lib/notify/unsubscribe";
import { elementText } from "@/tests/support/element-text";
import { makeUser } from "@/tests/support/factories";
import { call, request } from "@/tests/support/http";

const post = async (token: string | null, headers: Record<string, string> = {}) =>
  call(
    oneClick,
    await request(null, "POST", `/api/notify/unsubscribe${token === null ? "" : `?token=${encodeURIComponent(token)}`}`, {
      body: "List-Unsubscribe=One-Click",
      headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
    }),
  );
const emailsOn = async (id: number) => (await db.user.findUniqueOrThrow({ where: { id } })).notifyEmail;

describe("unsubscribe from unread emails", () => {
  let saved: string | undefined;
  beforeAll(() => {
    saved = process.env.NEXTAUTH_SECRET;
  });
  afterAll(() => {
    process.env.NEXTAUTH_SECRET = saved;
  });

  it("one-click POST with the signed token turns emails off, without a session or our Origin; a replay is a 409", async () => {
    const user = await makeUser();
    const token = unsubscribeToken(user.id);
    const done = await post(token, { origin: "https://mail.example" });
    expect(done).toMatchObject({ status: 200, body: { unsubscribed: true } });
    expect(await emailsOn(user.id)).toBe(false);
    const again = await post(token);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe("conflict");
  });

  it("refuses a forged, altered, borrowed or expired token with 400 and changes nothing", async () => {
    const [user, other] = await Promise.all([makeUser(), makeUser()]);
    const token = unsubscribeToken(user.id);
    const [, issued, signature] = token.split(".");
    const flipped = `${signature.slice(0, -1)}${signature.endsWith("A") ? "B" : "A"}`;
    const sixtyOneDaysAgo = Date.now() - 61 * 24 * 3600 * 1000;
    for (const bad of [
      null,
      "",
      "garbage",
      `${user.id}.${issued}.${flipped}`,
      `${other.id}.${issued}.${signature}`,
      `${user.id}.${Number(issued) + 1}.${signature}`,
      unsubscribeToken(user.id, sixtyOneDaysAgo),
      `${token}x`,
      "١٢.٣٤.🔑".repeat(10),
    ]) {
      const answer = await post(bad);
      expect(answer.status, String(bad)).toBe(400);
    }
    expect(await emailsOn(user.id)).toBe(true);
    expect(await emailsOn(other.id)).toBe(true);
  });

  it("a token signed under another NEXTAUTH_SECRET is refused", async () => {
    const user = await makeUser();
    process.env.NEXTAUTH_SECRET = "another-secret-for-this-test-0123456789";
    const { resetEnvCache } = await import("@/lib/env");
    resetEnvCache();
    const foreign = unsubscribeToken(user.id);
    process.env.NEXTAUTH_SECRET = saved;
    resetEnvCache();
    expect((await post(foreign)).status).toBe(400);
    expect(await emailsOn(user.id)).toBe(true);
  });

  it("the page shows what the link does, and its button (a server action) turns emails off", async () => {
    const user = await makeUser();
    const token = unsubscribeToken(user.id);
    const page = elementText(await UnsubscribePage({ searchParams: Promise.resolve({ token }) }));
    expect(page).toContain(`${user.username}@test.example`);
    expect(await emailsOn(user.id)).toBe(true);
    const { value } = await inNextScope(() => unsubscribeAction({ token }));
    expect(value).toMatchObject({ ok: true });
    expect(await emailsOn(user.id)).toBe(false);
    expect((await inNextScope(() => unsubscribeAction({ token }))).value).toMatchObject({ ok: false, error: { code: "conflict" } });
    expect((await inNextScope(() => unsubscribeAction({ token: "nope" }))).value).toMatchObject({ ok: false, error: { code: "invalid_input" } });
    expect(elementText(await UnsubscribePage({ searchParams: Promise.resolve({ token: "nope" }) }))).toContain("invalid or has expired");
  });
});
