// GET /api/cron/notifications: sends the due unread emails (lib/notify/digest.ts), for Vercel
// Cron (vercel.json, every minute) holding `Authorization: Bearer $CRON_SECRET`; 401 for a
// missing or wrong secret, and while CRON_SECRET is unset. Safe to overlap with another run.
import { requireCronSecret } from "@/lib/http/cron-auth";
import { json, publicRoute } from "@/lib/http/route";
import { sendDueDigests } from "@/lib/notify/digest";

export const dynamic = "force-dynamic";
export const maxDuration = 60;

export const GET = publicRoute("GET /api/cron/notifications", async ({ request }) => {
  requireCronSecret(request);
  return json(await sendDueDigests());
});
