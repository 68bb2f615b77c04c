import "server-only";
// Who is calling: the session's user, re-checked against the database on every request so a
// deactivation or role change takes effect at once.
import { getServerSession } from "next-auth";
import { getToken } from "next-auth/jwt";
import type { NextRequest } from "next/server";
import { env } from "@/lib/env";
import { authOptions } from "@/lib/auth/options";
import { decodeSessionToken } from "@/lib/auth/session-token";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { SessionUser } from "@/lib/auth/credentials";
import { activeWhere } from "@/lib/moderation/suspensions";
import { suspendedError } from "@/lib/moderation/suspension-policy";

/** For server components and server actions (reads the request through next/headers). */
export async function currentUser(): Promise<SessionUser | null> {
  const session = await getServerSession(authOptions);
  return loadActiveUser(session?.user?.id, session?.user?.sv);
}

/** For route handlers: the session cookie (or an `Authorization: Bearer` session token). */
export async function userFromRequest(request: NextRequest): Promise<SessionUser | null> {
  const token = await getToken({ req: request, secret: env().NEXTAUTH_SECRET, decode: decodeSessionToken });
  return loadActiveUser(token?.uid, token?.sv);
}

// A session issued before the account's last password reset carries an older version: signed out.
async function loadActiveUser(id: unknown, version: unknown): Promise<SessionUser | null> {
  if (typeof id !== "number") return null;
  const user = await db.user.findUnique({
    where: { id },
    select: {
      id: true,
      username: true,
      name: true,
      role: true,
      isActive: true,
      sessionVersion: true,
      suspensions: { where: activeWhere(), orderBy: { id: "desc" }, take: 1, select: { id: true, reason: true, endsAt: true } },
    },
  });
  if (!user?.isActive || user.sessionVersion !== (typeof version === "number" ? version : 0)) return null;
  const [s] = user.suspensions;
  const suspension = s ? { suspension: { id: Number(s.id), reason: s.reason, endsAt: s.endsAt } } : {};
  return { id: user.id, username: user.username, name: user.name, role: user.role, ...suspension };
}

/** Suspended with no read access (SUSPENDED_READ_ACCESS unset): the chat's pages send them to /login, which says why. */
export const shutOutBySuspension = (user: SessionUser): boolean => Boolean(user.suspension) && !env().SUSPENDED_READ_ACCESS;

/**
 * A suspended person is refused (403, with the end and the reason) at every door that changes
 * something, and at reads too unless SUSPENDED_READ_ACCESS keeps read access.
 */
export function assertNotSuspended(user: SessionUser, access: "read" | "write"): void {
  if (!user.suspension) return;
  if (access === "read" && env().SUSPENDED_READ_ACCESS) return;
  throw suspendedError(user.suspension);
}

export async function requireUser(): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) throw new AppError("unauthorized", "Sign in required");
  return user;
}

/** Admin-only doors answer non-admins as if there were nothing there. */
export async function requireAdmin(): Promise<SessionUser> {
  const user = await requireUser();
  if (user.role !== "ADMIN") throw new AppError("not_found", "Not found");
  return user;
}
