import "server-only";
// Notifications for a new message run after the response (Next's after(), which keeps a
// serverless function alive for it), off the send's critical path: a failed push never fails
// a send. Outside a request scope (scripts, tests calling handlers) it runs in the background.
import { after } from "next/server";
import { log } from "@/lib/log";
import { pushNewMessage } from "@/lib/notify/push-send";
import type { WireMessage } from "@/lib/wire/rest";

export function notifyAfterSend(message: WireMessage): void {
  const task = () =>
    pushNewMessage(message).then(
      () => undefined,
      (error: unknown) => log.warn({ event: "notify.push_error", error: String(error) }, "notification after a send failed"),
    );
  try {
    after(task);
  } catch {
    void task();
  }
}
