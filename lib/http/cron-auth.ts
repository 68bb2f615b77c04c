import "server-only";
// The cron routes' door: Vercel Cron sends `Authorization: Bearer $CRON_SECRET`. A missing or
// wrong secret, and any call while CRON_SECRET is unset, is a 401.
import { createHash, timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";

// Hashing both sides gives equal lengths, so the comparison takes the same time for any secret.
const digest = (value: string) => createHash("sha256").update(value).digest();

export function requireCronSecret(request: Request): void {
  const secret = env().CRON_SECRET;
  const presented = /^Bearer (.+)$/i.exec(request.headers.get("authorization") ?? "")?.[1] ?? "";
  if (!secret || !timingSafeEqual(digest(presented), digest(secret))) throw new AppError("unauthorized", "A valid cron secret is required");
}
