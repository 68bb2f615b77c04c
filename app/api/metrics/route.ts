// GET /api/metrics: Prometheus text for scrapers holding `Authorization: Bearer $METRICS_TOKEN`.
// 404 when METRICS_TOKEN is unset (the endpoint does not exist), 401 for a missing or wrong token.
import { createHash, timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { publicRoute } from "@/lib/http/route";
import { metrics } from "@/lib/metrics";

export const dynamic = "force-dynamic";

// Hashing both sides gives equal lengths, so the comparison takes the same time for any token.
const digest = (value: string) => createHash("sha256").update(value).digest();

export const GET = publicRoute("GET /api/metrics", async ({ request }) => {
  const token = env().METRICS_TOKEN;
  if (!token) throw new AppError("not_found", "Not found");
  const presented = /^Bearer (.+)$/i.exec(request.headers.get("authorization") ?? "")?.[1] ?? "";
  if (!timingSafeEqual(digest(presented), digest(token))) throw new AppError("unauthorized", "A valid metrics token is required");
  return new Response(await metrics.registry.metrics(), {
    headers: { "content-type": metrics.registry.contentType, "cache-control": "no-store" },
  });
});
