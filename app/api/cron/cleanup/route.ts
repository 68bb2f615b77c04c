// GET /api/cron/cleanup: deletes uploads no message took within a day (rows and bytes), for
// Vercel Cron (vercel.json, hourly) holding `Authorization: Bearer $CRON_SECRET`; 401 otherwise.
import { cleanupUnattachedUploads } from "@/lib/attachments/cleanup";
import { requireCronSecret } from "@/lib/http/cron-auth";
import { json, publicRoute } from "@/lib/http/route";

export const dynamic = "force-dynamic";
export const maxDuration = 60;

export const GET = publicRoute("GET /api/cron/cleanup", async ({ request }) => {
  requireCronSecret(request);
  return json(await cleanupUnattachedUploads());
});
