import "server-only";
import bcrypt from "bcryptjs";
import { z } from "zod";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { SessionUser } from "@/lib/auth/credentials";

export const registerSchema = z.object({
  username: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9_]{3,30}$/, "3 to 30 letters, digits or underscores"),
  email: z.email().trim().toLowerCase().max(254),
  name: z.string().trim().min(1, "required").max(100),
  password: z.string().min(8, "at least 8 characters").max(200),
});
export type RegisterInput = z.infer<typeof registerSchema>;

export async function registerUser(input: RegisterInput): Promise<SessionUser> {
  const passwordHash = await bcrypt.hash(input.password, 10);
  const rows = await db.$queryRaw<SessionUser[]>`
    INSERT INTO users (username, email, display_name, password_hash)
    VALUES (${input.username}, ${input.email}, ${input.name}, ${passwordHash})
    ON CONFLICT DO NOTHING
    RETURNING id, username, display_name AS name, role::text AS role`;
  if (!rows[0]) throw new AppError("conflict", "That username or email is already registered.");
  return rows[0];
}
