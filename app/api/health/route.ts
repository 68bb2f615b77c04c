// GET /api/health: database and realtime reachability (200 when both answer, else 503).
import { checkHealth } from "@/lib/health";
import { json, publicRoute } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const GET = publicRoute("GET /api/health", async () => {
  const health = await checkHealth();
  return json(health, health.ok ? 200 : 503);
});
