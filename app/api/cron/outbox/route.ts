// GET /api/cron/outbox: publishes what the realtime outbox still holds and prunes old rows, for
// Vercel Cron (vercel.json, every minute) holding `Authorization: Bearer $CRON_SECRET`; 401 for
// a missing or wrong secret, and while CRON_SECRET is unset.
import { requireCronSecret } from "@/lib/http/cron-secret";
import { json, publicRoute } from "@/lib/http/route";
import { drainOutbox, pruneOutbox } from "@/lib/realtime/drain";

export const dynamic = "force-dynamic";
// A drain may take a while when the realtime API was down for long.
export const maxDuration = 60;

export const GET = publicRoute("GET /api/cron/outbox", async ({ request }) => {
  requireCronSecret(request);
  const drained = await drainOutbox({ budgetMs: 45_000 });
  const pruned = await pruneOutbox();
  return json({ ...drained, pruned: pruned.published + pruned.givenUp });
});
