import "server-only";
// Work that must not delay (or, by its duration, reveal anything through) the answer: run after
// the response with Next's after(); outside a request scope (tests calling a door directly) it
// simply runs in the background. A failure is logged, never shown to the caller.
import { after } from "next/server";
import { log } from "@/lib/log";

export function afterResponse(event: string, task: () => Promise<unknown>): void {
  const run = () => task().catch((error: unknown) => log.warn({ event, error: String(error) }, "background task failed"));
  try {
    after(run);
  } catch {
    void run();
  }
}
