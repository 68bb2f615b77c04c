// GET /api/health: configuration, database and realtime (200 when all three are sound, else 503).
import type { NextRequest } from "next/server";
import { productionConfigProblems } from "@/lib/env";
import { misconfiguredHealth } from "@/lib/health-config";

export const dynamic = "force-dynamic";

export async function GET(request: NextRequest, context: { params: Promise<Record<string, never>> }): Promise<Response> {
  const problems = productionConfigProblems();
  if (problems.length) return Response.json(misconfiguredHealth(problems), { status: 503, headers: { "Retry-After": "60" } });
  // Loaded only once the configuration is sound: the logger, database and realtime client it
  // needs all read env(), which refuses a production start on development defaults.
  const { healthRoute } = await import("@/lib/health");
  return healthRoute(request, context);
}
