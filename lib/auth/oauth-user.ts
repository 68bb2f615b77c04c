import "server-only";
// OAuth sign-in maps to the user with the provider's email, created on first sign-in, but only
// when the provider vouches that the email belongs to the person signing in: otherwise anyone
// could add someone else's address to a GitHub or Google account and sign in as them here.
import { z } from "zod";
import type { SessionUser } from "@/lib/auth/credentials";
import { db } from "@/lib/db";

/** The error codes /login explains (next-auth passes them as `?error=`). */
export type OAuthRefusal = "OAuthEmailUnverified" | "AccountDisabled" | "AccountEmailUnverified";
export type OAuthSignIn = { ok: true; user: SessionUser } | { ok: false; error: OAuthRefusal };

const email = z.string().trim().toLowerCase().pipe(z.email()).pipe(z.string().max(254));
// Google's OpenID claims (an ID token or userinfo): `email_verified` says whether Google checked it.
const googleProfile = z.object({ email, email_verified: z.union([z.literal(true), z.literal("true")]) });
// GitHub's GET /user/emails, which lib/auth/options.ts attaches to the profile as `emails`.
const githubProfile = z.object({
  emails: z.array(z.object({ email: z.string(), primary: z.boolean(), verified: z.boolean() }).loose()),
});

/** The address the provider has verified for this profile, or null. */
export function verifiedEmail(provider: string, profile: unknown): string | null {
  if (provider === "google") {
    const parsed = googleProfile.safeParse(profile);
    return parsed.success ? parsed.data.email : null;
  }
  if (provider === "github") {
    const parsed = githubProfile.safeParse(profile);
    const primary = parsed.success ? parsed.data.emails.find((e) => e.primary && e.verified) : undefined;
    const checked = email.safeParse(primary?.email);
    return checked.success ? checked.data : null;
  }
  return null;
}

export async function oauthSignIn(provider: string, profile: unknown): Promise<OAuthSignIn> {
  const address = verifiedEmail(provider, profile);
  if (!address) return { ok: false, error: "OAuthEmailUnverified" };
  const name = z.object({ name: z.string().trim().min(1) }).safeParse(profile);
  return upsertOAuthUser({ email: address, name: name.success ? name.data.name : null });
}

// display_name is VARCHAR(100): 100 characters (code points), never half an emoji.
const displayName = (name: string | null) => (name ? Array.from(name).slice(0, 100).join("") : "");

// An existing account is linked only once its owner has verified the address here too: else
// someone could register an address that is not theirs, wait for its owner to sign in with
// Google, and share the account (the password they set still works).
async function upsertOAuthUser(profile: { email: string; name: string | null }): Promise<OAuthSignIn> {
  const existing = await db.user.findUnique({ where: { email: profile.email } });
  if (existing) {
    if (!existing.isActive) return { ok: false, error: "AccountDisabled" };
    if (!existing.emailVerifiedAt) return { ok: false, error: "AccountEmailUnverified" };
    return { ok: true, user: { id: existing.id, username: existing.username, name: existing.name, role: existing.role } };
  }
  const base =
    profile.email
      .split("@")[0]
      .replace(/[^a-z0-9_]/g, "_")
      .slice(0, 24) || "user";
  const username = `${base}_${Math.random().toString(36).slice(2, 7)}`;
  const created = await db.user.create({
    data: { email: profile.email, username, name: displayName(profile.name) || username, emailVerifiedAt: new Date() },
  });
  return { ok: true, user: { id: created.id, username: created.username, name: created.name, role: created.role } };
}
