import "server-only";
// Cutting a user off the realtime server now, not at their next reconnect: after they leave or
// are removed from a room, and when they are deactivated. Every connection signed in as the user
// (pusher:signin) is closed; the browser reconnects, signs in again and re-authorizes each
// channel, and what they may no longer see is refused. Call it after the change has committed.
// A failure is logged and counted, never thrown: the change itself has been made.
import { log } from "@/lib/log";
import { metrics } from "@/lib/metrics";
import { pusherServer } from "@/lib/realtime/pusher-server";

export async function terminateUserConnections(userId: number, reason: string): Promise<boolean> {
  const started = performance.now();
  try {
    await pusherServer().terminateUserConnections(String(userId));
    metrics.terminations.inc({ result: "ok" });
    log.info(
      { event: "realtime.terminate", user_id: userId, reason, duration_ms: Math.round(performance.now() - started) },
      "user connections terminated",
    );
    return true;
  } catch (error) {
    metrics.terminations.inc({ result: "failed" });
    log.warn({ event: "realtime.terminate", user_id: userId, reason, error: String(error) }, "terminating user connections failed");
    return false;
  }
}
