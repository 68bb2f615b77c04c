// Email verification: registering mails a link (over real SMTP), opening it confirms the
// address once; the banner's resend action mails a fresh link; unverified accounts can chat but
// cannot be joined by an OAuth sign-in with the same address.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asCaller, inNextScope } from "@/tests/support/next-scope";
import { registerAction, resendVerificationAction } from "@/app/(auth)/actions";
import VerifyEmailPage from "@/app/(auth)/verify-email/page";
import { oauthSignIn } from "@/lib/auth/oauth-user";
import { db } from "@/lib/db";
import { elementText } from "@/tests/support/element-text";
import { makeUser } from "@/tests/support/factories";
import { linkIn, ownMailServer, waitForMail } from "@/tests/support/mail";

let mail: Awaited<ReturnType<typeof ownMailServer>>;
beforeAll(async () => {
  mail = await ownMailServer();
});
afterAll(() => mail.restore());

const open = async (token: string) => elementText(await VerifyEmailPage({ searchParams: Promise.resolve({ token }) }));
const verifiedAt = async (email: string) => (await db.user.findUniqueOrThrow({ where: { email } })).emailVerifiedAt;
const google = (email: string) => ({ email, email_verified: true, name: "Google Person" });

describe("email verification", () => {
  it("registration mails a link; opening it confirms the address, and only once", async () => {
    const username = `v_${Date.now()}`;
    const email = `${username}@verify.example`;
    const { value } = await inNextScope(() => registerAction({ username, email, name: "Vera", password: "long enough" }));
    expect(value).toMatchObject({ ok: true });
    expect(await verifiedAt(email)).toBeNull();
    const [message] = await waitForMail(mail, email);
    expect(message.subject).toBe("Confirm your email for JobChat");
    const token = linkIn(message, "/verify-email").searchParams.get("token") ?? "";
    expect(await open(token)).toContain("Your email address is confirmed");
    expect(await verifiedAt(email)).not.toBeNull();
    expect(await open(token)).toContain("invalid, used or expired");
    expect(await open("forged")).toContain("invalid, used or expired");
  });

  it("the banner's action mails a fresh link to a signed-in unverified user, and says so once verified", async () => {
    const user = await makeUser();
    const email = `${user.username}@test.example`;
    expect((await asCaller(user, () => resendVerificationAction())).value).toMatchObject({ ok: true, data: { message: /new confirmation link/ } });
    const [message] = await waitForMail(mail, email);
    await open(linkIn(message, "/verify-email").searchParams.get("token") ?? "");
    expect(await verifiedAt(email)).not.toBeNull();
    expect((await asCaller(user, () => resendVerificationAction())).value).toMatchObject({ ok: true, data: { message: /already confirmed/ } });
    expect((await asCaller(null, () => resendVerificationAction())).value).toMatchObject({ ok: false, error: { code: "unauthorized" } });
  });

  it("an expired link does not confirm", async () => {
    const user = await makeUser();
    const email = `${user.username}@test.example`;
    await asCaller(user, () => resendVerificationAction());
    const [message] = await waitForMail(mail, email);
    await db.accountToken.updateMany({ where: { userId: user.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await open(linkIn(message, "/verify-email").searchParams.get("token") ?? "")).toContain("invalid, used or expired");
    expect(await verifiedAt(email)).toBeNull();
  });

  it("OAuth sign-in joins an existing account only once its address is verified here; new OAuth accounts are verified", async () => {
    const user = await makeUser();
    const email = `${user.username}@test.example`;
    expect(await oauthSignIn("google", google(email))).toEqual({ ok: false, error: "AccountEmailUnverified" });
    await db.user.update({ where: { id: user.id }, data: { emailVerifiedAt: new Date() } });
    expect(await oauthSignIn("google", google(email))).toMatchObject({ ok: true, user: { id: user.id } });
    const fresh = `oauth_${Date.now()}@verify.example`;
    expect(await oauthSignIn("google", google(fresh))).toMatchObject({ ok: true });
    expect(await verifiedAt(fresh)).not.toBeNull();
  });
});
