import "server-only";
import { db } from "@/lib/db";
import { json, publicRoute } from "@/lib/http/route";
import { pusherServer } from "@/lib/realtime/pusher-server";

export type Health = { ok: boolean; config: "ok"; database: "up" | "down"; realtime: "up" | "down"; checked_at: string };

const withTimeout = <T>(promise: Promise<T>, ms: number) =>
  Promise.race([promise, new Promise<never>((_, reject) => setTimeout(() => reject(new Error("timeout")), ms))]);

export async function checkHealth(): Promise<Health> {
  const [database, realtime] = await Promise.all([
    withTimeout(db.$queryRaw`SELECT 1`, 2000).then(
      () => "up" as const,
      () => "down" as const,
    ),
    withTimeout(pusherServer().get({ path: "/channels" }), 2000).then(
      (r) => (r.status === 200 ? ("up" as const) : ("down" as const)),
      () => "down" as const,
    ),
  ]);
  return { ok: database === "up" && realtime === "up", config: "ok", database, realtime, checked_at: new Date().toISOString() };
}

export const healthRoute = publicRoute("GET /api/health", async () => {
  const health = await checkHealth();
  return json(health, health.ok ? 200 : 503);
});
