import "server-only";
// The cron routes' door: Vercel Cron sends `Authorization: Bearer $CRON_SECRET`. A missing or
// wrong secret, and any call while CRON_SECRET is unset, is a 401. The comparison itself is
// lib/http/bearer.ts's, the one every secret-guarded door uses.
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { presentsBearer } from "@/lib/http/bearer";

export function requireCronSecret(request: Request): void {
  const secret = env().CRON_SECRET;
  if (!secret || !presentsBearer(request, secret)) throw new AppError("unauthorized", "A valid cron secret is required");
}
