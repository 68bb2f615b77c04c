import "server-only";
// Vercel Cron's calls carry `Authorization: Bearer $CRON_SECRET`. Refused (401) when the header
// is missing or wrong, and always while CRON_SECRET is unset.
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
