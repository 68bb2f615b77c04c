import "server-only";
// After commit: publishes what a domain function produced, then cuts the connections it asked
// to cut. Neither ever throws (both log and count their failures): the change is stored. Events
// the writer stored in the outbox are marked published here, or left for the drainer with their
// retry time when the realtime API did not take them (lib/realtime/drain.ts).
import { publishAll } from "@/lib/realtime/publish";
import { publishStored } from "@/lib/realtime/drain";
import type { WithEvents } from "@/lib/realtime/outbox";
import { terminateUserConnections } from "@/lib/realtime/terminate";

export async function deliver<T>(produced: WithEvents<T>): Promise<T> {
  const ids = produced.outboxIds;
  if (ids?.length === produced.events.length && ids.length) {
    await publishStored(
      ids.map((id, i) => ({ id, event: produced.events[i] })),
      "immediate",
    );
  } else if (produced.events.length) await publishAll(produced.events);
  for (const t of produced.terminate ?? []) await terminateUserConnections(t.userId, t.reason);
  return produced.result;
}
