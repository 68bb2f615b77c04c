// Runs once as the Next server boots: the configuration check (lib/config-check.ts), then, on a
// long-lived server (`npm run dev`, `npm start`, `next start`), the realtime outbox drainer
// (lib/realtime/drain-loop.ts), the hourly cleanup of uploads never sent (lib/attachments/cleanup.ts), the hourly retention purge of deleted messages (lib/safety/retention.ts) and the unread email loop (lib/notify/digest-loop.ts). On Vercel no process outlives its requests: Vercel Cron and the
// requests themselves drain instead. Next also compiles this file for the Edge runtime, which
// has no process.exit, so both are loaded only on Node.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { checkConfigAtBoot } = await import("@/lib/config-check");
  checkConfigAtBoot();
  if (process.env.VERCEL === "1" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { env } = await import("@/lib/env");
  const interval = env().OUTBOX_DRAIN_INTERVAL_MS;
  if (interval > 0) (await import("@/lib/realtime/drain-loop")).startOutboxDrainer(interval);
  (await import("@/lib/attachments/cleanup")).startUploadCleanup();
  (await import("@/lib/safety/retention")).startRetentionPurge();
  const digestInterval = env().NOTIFY_DIGEST_INTERVAL_MS;
  if (digestInterval > 0) (await import("@/lib/notify/digest-loop")).startDigestLoop(digestInterval);
}
