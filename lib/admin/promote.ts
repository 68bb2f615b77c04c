import "server-only";
// Making someone an admin from the command line (scripts/create-admin.ts): promotes and
// reactivates the account with that email, or creates it. Audited with no actor.
import { randomBytes } from "node:crypto";
import bcrypt from "bcryptjs";
import { z } from "zod";
import type { Db } from "@/lib/db";
import { recordAudit } from "@/lib/admin/audit";

export const ensureAdminSchema = z.object({
  email: z.email().trim().toLowerCase().max(254),
  username: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9_]{3,30}$/, "3 to 30 letters, digits or underscores")
    .optional(),
  name: z.string().trim().min(1).max(100).optional(),
  password: z.string().min(8, "at least 8 characters").max(200).optional(),
});

export type EnsureAdminResult = {
  user: { id: number; username: string; email: string };
  created: boolean;
  /** Set only when a new account got a generated password, to be shown once. */
  generatedPassword?: string;
};

/** A free username from the email's local part: `ops_team`, then `ops_team_2`, … */
async function freeUsername(client: Db, email: string): Promise<string> {
  const base = (email.split("@")[0] ?? "")
    .toLowerCase()
    .replace(/[^a-z0-9_]/g, "_")
    .slice(0, 24)
    .padEnd(3, "_");
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? base : `${base}_${n}`;
    if (!(await client.user.findUnique({ where: { username: candidate }, select: { id: true } }))) return candidate;
  }
}

export async function ensureAdmin(client: Db, raw: z.input<typeof ensureAdminSchema>): Promise<EnsureAdminResult> {
  const input = ensureAdminSchema.parse(raw);
  const existing = await client.user.findUnique({ where: { email: input.email }, select: { id: true, role: true, isActive: true } });
  if (existing) {
    const user = await client.$transaction(async (tx) => {
      const updated = await tx.user.update({
        where: { id: existing.id },
        data: { role: "ADMIN", isActive: true },
        select: { id: true, username: true, email: true },
      });
      if (existing.role !== "ADMIN" || !existing.isActive) {
        await recordAudit(tx, {
          actorId: null,
          action: "user.promote",
          targetType: "user",
          targetId: existing.id,
          details: { via: "cli", from: existing.role, reactivated: !existing.isActive },
        });
      }
      return updated;
    });
    return { user, created: false };
  }
  const generatedPassword = input.password ? undefined : randomBytes(15).toString("base64url");
  const passwordHash = await bcrypt.hash(input.password ?? generatedPassword ?? "", 10);
  const username = input.username ?? (await freeUsername(client, input.email));
  const user = await client.$transaction(async (tx) => {
    const created = await tx.user.create({
      data: { email: input.email, username, name: input.name ?? username, passwordHash, role: "ADMIN" },
      select: { id: true, username: true, email: true },
    });
    await recordAudit(tx, {
      actorId: null,
      action: "user.promote",
      targetType: "user",
      targetId: created.id,
      details: { via: "cli", created: true },
    });
    return created;
  });
  return { user, created: true, generatedPassword };
}
