// GET /api/metrics: Prometheus text for scrapers holding `Authorization: Bearer $METRICS_TOKEN`.
// 404 when METRICS_TOKEN is unset (the endpoint does not exist), 401 for a missing or wrong token.
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { presentsBearer } from "@/lib/http/bearer";
import { publicRoute } from "@/lib/http/route";
import { metrics } from "@/lib/metrics";

export const dynamic = "force-dynamic";

export const GET = publicRoute("GET /api/metrics", async ({ request }) => {
  const token = env().METRICS_TOKEN;
  if (!token) throw new AppError("not_found", "Not found");
  if (!presentsBearer(request, token)) throw new AppError("unauthorized", "A valid metrics token is required");
  return new Response(await metrics.registry.metrics(), {
    headers: { "content-type": metrics.registry.contentType, "cache-control": "no-store" },
  });
});
