import { db } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/credentials";

/** An OAuth sign-in maps to the user with that email, created on first sign-in. */
export async function upsertOAuthUser(profile: { email?: string | null; name?: string | null }): Promise<SessionUser | null> {
  const email = profile.email?.trim().toLowerCase();
  if (!email) return null;
  const existing = await db.user.findUnique({ where: { email } });
  if (existing) return existing.isActive ? { id: existing.id, username: existing.username, name: existing.name, role: existing.role } : null;
  const base = email.split("@")[0].replace(/[^a-z0-9_]/g, "_").slice(0, 24) || "user";
  const username = `${base}_${Math.random().toString(36).slice(2, 7)}`;
  const created = await db.user.create({ data: { email, username, name: profile.name?.slice(0, 100) || username } });
  return { id: created.id, username: created.username, name: created.name, role: created.role };
}
