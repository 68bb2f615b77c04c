import "server-only";
// Notifications for a new message run after the response (Next's after(), which keeps a
// serverless function alive for it), off the send's critical path: a failed push never fails
// a send. Outside a request scope (scripts, tests calling handlers) it runs in the background.
import { after } from "next/server";
import { log } from "@/lib/log";
import { pushNewMessage } from "@/lib/notify/push-send";
import type { WireMessage } from "@/lib/wire/rest";

const inFlight = new Set<Promise<void>>();

export function notifyAfterSend(message: WireMessage): void {
  const task = () => {
    const running = pushNewMessage(message).then(
      () => undefined,
      (error: unknown) => log.warn({ event: "notify.push_error", error: String(error) }, "notification after a send failed"),
    );
    inFlight.add(running);
    void running.finally(() => inFlight.delete(running));
    return running;
  };
  try {
    after(task);
  } catch {
    void task();
  }
}

/** Resolves once every notification started so far has finished (tests; a graceful stop). */
export async function notificationsSettled(): Promise<void> {
  while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
}
