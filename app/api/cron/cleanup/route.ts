// GET /api/cron/cleanup: deletes uploads no message took within a day (rows and bytes), and purges
// the content, edit history and files of messages deleted more than RETENTION_DELETED_DAYS ago
// (the tombstone stays), for Vercel Cron (vercel.json, hourly) holding
// `Authorization: Bearer $CRON_SECRET`; 401 otherwise.
import { cleanupUnattachedUploads } from "@/lib/attachments/cleanup";
import { requireCronSecret } from "@/lib/http/cron-auth";
import { json, publicRoute } from "@/lib/http/route";
import { purgeDeletedMessages } from "@/lib/safety/retention";

export const dynamic = "force-dynamic";
export const maxDuration = 60;

export const GET = publicRoute("GET /api/cron/cleanup", async ({ request }) => {
  requireCronSecret(request);
  const uploads = await cleanupUnattachedUploads();
  const retention = await purgeDeletedMessages();
  return json({ deleted: uploads.deleted, purged_messages: retention.purged });
});
