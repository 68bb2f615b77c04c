import "server-only";
// On a long-lived server (`npm run dev`, `npm start`: instrumentation.ts) the unread emails are
// sent from here every NOTIFY_DIGEST_INTERVAL_MS (a minute), as Vercel Cron's call to
// /api/cron/notifications does on Vercel. Runs never overlap within a process; across processes
// the claim in lib/notify/digest.ts keeps them apart.
import { log } from "@/lib/log";
import { sendDueDigests } from "@/lib/notify/digest";

const globalForDigest = globalThis as unknown as { digestLoop?: () => void };

export function startDigestLoop(intervalMs: number): () => void {
  if (globalForDigest.digestLoop) return globalForDigest.digestLoop;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  const tick = async () => {
    try {
      await sendDueDigests();
    } catch (error) {
      log.warn({ event: "notify.digest", error: String(error) }, "unread email run failed; retrying");
    }
    if (!stopped) {
      timer = setTimeout(tick, intervalMs);
      timer.unref?.();
    }
  };
  timer = setTimeout(tick, intervalMs);
  timer.unref?.();
  globalForDigest.digestLoop = () => {
    stopped = true;
    clearTimeout(timer);
    globalForDigest.digestLoop = undefined;
  };
  log.info({ event: "notify.digest_loop", interval_ms: intervalMs }, "unread email loop started");
  return globalForDigest.digestLoop;
}
