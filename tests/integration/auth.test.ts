import bcrypt from "bcryptjs";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { signInErrorMessage } from "@/app/(auth)/login/sign-in-errors";
import { verifyCredentials } from "@/lib/auth/credentials";
import { authOptions } from "@/lib/auth/options";
import { registerSchema, registerUser } from "@/lib/auth/register";
import { userFromRequest } from "@/lib/auth/session";
import { request } from "@/tests/support/http";
import { makeUser } from "@/tests/support/factories";

describe("credentials sign-in", () => {
  let user: Awaited<ReturnType<typeof makeUser>>;
  beforeAll(async () => {
    user = await makeUser({ passwordHash: await bcrypt.hash("correct horse", 10) });
  });

  it("accepts the email or the username, case-insensitively", async () => {
    expect(await verifyCredentials(`${user.username}@TEST.example`, "correct horse")).toMatchObject({
      id: user.id,
      username: user.username,
      role: "USER",
    });
    expect(await verifyCredentials(user.username.toUpperCase(), "correct horse")).toMatchObject({ id: user.id });
  });

  it("gives the same answer for a wrong password, an unknown email and a deactivated account", async () => {
    expect(await verifyCredentials(user.username, "wrong")).toBeNull();
    expect(await verifyCredentials("nobody@example.com", "correct horse")).toBeNull();
    await db.user.update({ where: { id: user.id }, data: { isActive: false } });
    expect(await verifyCredentials(user.username, "correct horse")).toBeNull();
    await db.user.update({ where: { id: user.id }, data: { isActive: true } });
  });

  it("stops honouring an existing session once the user is deactivated", async () => {
    const req = () => request(user, "GET", "/api/chat/rooms");
    expect(await userFromRequest(await req())).toMatchObject({ id: user.id });
    await db.user.update({ where: { id: user.id }, data: { isActive: false } });
    expect(await userFromRequest(await req())).toBeNull();
    await db.user.update({ where: { id: user.id }, data: { isActive: true } });
  });

  it("registers a new user with a hashed password, refusing duplicates", async () => {
    const input = registerSchema.parse({
      username: `New_${Date.now()}`,
      email: `new${Date.now()}@Example.com`,
      name: "New Person",
      password: "longenough",
    });
    const created = await registerUser(input);
    expect(created.username).toBe(input.username);
    const stored = await db.user.findUniqueOrThrow({ where: { id: created.id }, omit: { passwordHash: false } });
    expect(stored.passwordHash).not.toBe("longenough");
    expect(await bcrypt.compare("longenough", stored.passwordHash ?? "")).toBe(true);
    await expect(registerUser(input)).rejects.toMatchObject({ code: "conflict" });
    expect(await verifyCredentials(input.email, "longenough")).toMatchObject({ id: created.id });
    expect(registerSchema.safeParse({ ...input, password: "short" }).success).toBe(false);
  });
});

describe("OAuth sign-in links to an account by a provider-verified email only", () => {
  type Callbacks = Required<NonNullable<typeof authOptions.callbacks>>;
  const signInCallback = authOptions.callbacks?.signIn as unknown as (args: object) => ReturnType<Callbacks["signIn"]>;
  const jwtCallback = authOptions.callbacks?.jwt as unknown as (args: object) => ReturnType<Callbacks["jwt"]>;
  const oauthAccount = (provider: string) => ({ provider, type: "oauth", providerAccountId: "4242" });

  // What next-auth hands the callbacks: the provider's raw profile (GitHub's GET /user plus the
  // GET /user/emails list that lib/auth/options.ts fetches; Google's OpenID claims).
  const github = (emails: Array<{ email: string; primary: boolean; verified: boolean }>, publicEmail: string | null = null) => ({
    login: "octo",
    id: 4242,
    name: "Octo Cat",
    email: publicEmail,
    avatar_url: "https://avatars.githubusercontent.com/u/4242",
    emails: emails.map((e) => ({ ...e, visibility: e.primary ? "private" : null })),
  });
  const google = (email: string, verified: boolean) => ({
    iss: "https://accounts.google.com",
    sub: "110169484474386276334",
    email,
    email_verified: verified,
    name: "Goo Gle",
    picture: "https://lh3.googleusercontent.com/a/x",
  });

  /** Runs the two callbacks as next-auth does after a provider's callback. */
  async function signInWith(provider: string, profile: object) {
    const user = { id: "4242", name: "Provider Name", email: (profile as { email?: string }).email ?? null };
    const account = oauthAccount(provider);
    const allowed = await signInCallback({ user, account, profile });
    const token = allowed === true ? await jwtCallback({ token: { sub: "4242" }, user, account, profile, trigger: "signIn" }) : null;
    return { allowed, uid: token?.uid };
  }

  let victim: Awaited<ReturnType<typeof makeUser>>;
  let victimEmail: string;
  beforeAll(async () => {
    // Confirmed here too: OAuth joins only an account whose address is verified (lib/auth/oauth-user.ts).
    victim = await makeUser({ emailVerifiedAt: new Date() });
    victimEmail = `${victim.username}@test.example`;
  });

  it("links a Google sign-in to the existing account when Google verified the email", async () => {
    expect(await signInWith("google", google(victimEmail.toUpperCase(), true))).toEqual({ allowed: true, uid: victim.id });
  });

  it("refuses a Google sign-in whose email Google has not verified, and shows why on /login", async () => {
    const result = await signInWith("google", google(victimEmail, false));
    expect(result).toEqual({ allowed: "/login?error=OAuthEmailUnverified&provider=google", uid: undefined });
    expect(signInErrorMessage("OAuthEmailUnverified", "google")).toMatch(/Google account has no verified email address/);
  });

  it("refuses to join an account whose address was never confirmed here, and explains why on /login", async () => {
    const unconfirmed = await makeUser();
    const result = await signInWith("google", google(`${unconfirmed.username}@test.example`, true));
    expect(result).toEqual({ allowed: "/login?error=AccountEmailUnverified&provider=google", uid: undefined });
    expect(signInErrorMessage("AccountEmailUnverified", "google")).toMatch(/has not confirmed it/);
  });

  it("refuses a suspended account's OAuth sign-in with the reason and the end, and lets it in once lifted", async () => {
    const member = await makeUser({ emailVerifiedAt: new Date() });
    const endsAt = new Date(Date.now() + 24 * 3600_000);
    const suspension = await db.userSuspension.create({
      data: { userId: member.id, reason: "Payment off the platform", endsAt, createdById: victim.id },
    });
    const { allowed, uid } = await signInWith("google", google(`${member.username}@test.example`, true));
    expect(uid).toBeUndefined();
    const error = new URL(String(allowed), "http://x").searchParams.get("error");
    expect(signInErrorMessage(error, "google")).toMatch(/suspended .*Reason: Payment off the platform/);
    await db.userSuspension.update({ where: { id: suspension.id }, data: { liftedAt: new Date() } });
    expect(await signInWith("google", google(`${member.username}@test.example`, true))).toEqual({ allowed: true, uid: member.id });
  });

  it("links a GitHub sign-in by its primary verified email", async () => {
    const profile = github([
      { email: "old@elsewhere.example", primary: false, verified: true },
      { email: victimEmail, primary: true, verified: true },
    ]);
    expect(await signInWith("github", profile)).toEqual({ allowed: true, uid: victim.id });
  });

  it("refuses GitHub when the matching address is unverified or not primary, or the emails are missing", async () => {
    const refused = { allowed: "/login?error=OAuthEmailUnverified&provider=github", uid: undefined };
    // A public profile email is whatever the person typed; only the emails list says verified.
    expect(await signInWith("github", github([{ email: victimEmail, primary: true, verified: false }], victimEmail))).toEqual(refused);
    expect(
      await signInWith(
        "github",
        github([
          { email: "me@elsewhere.example", primary: true, verified: false },
          { email: victimEmail, primary: false, verified: true },
        ]),
      ),
    ).toEqual(refused);
    const { emails: _, ...stockProfile } = github([], victimEmail);
    expect(await signInWith("github", stockProfile)).toEqual(refused);
  });

  it("creates an account on a first sign-in with a verified email, keeping a long emoji name whole", async () => {
    const email = `new-${Date.now()}@oauth.example`;
    const name = "😀".repeat(120);
    const result = await signInWith("google", { ...google(email, true), name });
    expect(result.allowed).toBe(true);
    const created = await db.user.findUniqueOrThrow({ where: { email } });
    expect(result.uid).toBe(created.id);
    expect(Array.from(created.name)).toEqual(Array.from("😀".repeat(100)));
  });

  it("refuses a deactivated account even with a verified email", async () => {
    const inactive = await makeUser({ isActive: false });
    const result = await signInWith("google", google(`${inactive.username}@test.example`, true));
    expect(result).toEqual({ allowed: "/login?error=AccountDisabled&provider=google", uid: undefined });
  });
});
