import "server-only";
// After commit: publishes what a domain function produced, then cuts the connections it asked
// to cut. Neither ever throws (both log and count their failures): the change is stored.
import { publishAll } from "@/lib/realtime/publish";
import type { WithEvents } from "@/lib/realtime/outbox";
import { terminateUserConnections } from "@/lib/realtime/terminate";

export async function deliver<T>(produced: WithEvents<T>): Promise<T> {
  if (produced.events.length) await publishAll(produced.events);
  for (const t of produced.terminate ?? []) await terminateUserConnections(t.userId, t.reason);
  return produced.result;
}
