import "server-only";
// Publishing after commit. A failed publish is logged and counted, never thrown: the change is
// already stored and clients catch up through the REST fallback. Payload types come from the
// event name (lib/wire/events.ts), so a wrong payload does not compile.
import { log } from "@/lib/log";
import { metrics } from "@/lib/metrics";
import { EVENT_DATA_BUDGET_BYTES, jsonBytes } from "@/lib/realtime/event-size";
import { pusherServer } from "@/lib/realtime/pusher-server";
import { type EventName, type EventPayload, type OutgoingEvent, outgoing } from "@/lib/wire/events";

const BATCH_LIMIT = 10; // Pusher's maximum events per batch call.

/** Drops (logged, counted) what is still too large: one oversize event must not sink its batch. */
function withinLimit(events: OutgoingEvent[]): OutgoingEvent[] {
  return events.filter((e) => {
    const bytes = jsonBytes(e.payload);
    if (bytes <= EVENT_DATA_BUDGET_BYTES) return true;
    metrics.publishFailures.inc();
    log.error({ event: "realtime.publish", kind: e.event, name: e.event, channel: e.channel, bytes }, "event over the size limit, not published");
    return false;
  });
}

/** One HTTP call to the realtime server: a multi-channel event alone (trigger takes up to 100
 * channels), a lone single-channel event, or up to 10 single-channel events in one batch. */
function triggerCall(batch: OutgoingEvent[]): Promise<unknown> {
  const [first] = batch;
  if (batch.length === 1) return pusherServer().trigger(first.channel, first.event, first.payload);
  return pusherServer().triggerBatch(batch.map((e) => ({ channel: e.channel as string, name: e.event, data: e.payload })));
}

/**
 * The HTTP calls a list takes: each multi-channel event alone (a trigger reaches up to 100
 * channels), the single-channel ones up to 10 per batch. `eventOf` lets callers group their own
 * records (the outbox groups its rows, so each call's outcome is recorded on its own rows).
 */
export function groupIntoCalls<T>(items: T[], eventOf: (item: T) => OutgoingEvent): T[][] {
  const calls = items.filter((i) => typeof eventOf(i).channel !== "string").map((i) => [i]);
  const single = items.filter((i) => typeof eventOf(i).channel === "string");
  for (let i = 0; i < single.length; i += BATCH_LIMIT) calls.push(single.slice(i, i + BATCH_LIMIT));
  return calls;
}

/** Publishes a list in as few calls as it takes (groupIntoCalls), in parallel; true when every event went out. `kind` names it in the log (the first event's name by default). */
export async function publishAll(all: OutgoingEvent[], kind: string = all[0]?.event ?? "none"): Promise<boolean> {
  const events = withinLimit(all);
  if (events.length === 0) return all.length === 0;
  const started = performance.now();
  try {
    await Promise.all(groupIntoCalls(events, (e) => e).map(triggerCall));
    const ms = performance.now() - started;
    metrics.publishLatency.observe(ms / 1000);
    log.info({ event: "realtime.publish", kind, events: events.length, duration_ms: Math.round(ms) }, "published");
    return events.length === all.length;
  } catch (error) {
    metrics.publishFailures.inc();
    log.warn(
      { event: "realtime.publish", kind, events: events.length, duration_ms: Math.round(performance.now() - started), error: String(error) },
      "publish failed",
    );
    return false;
  }
}

/** One event; its payload's type follows from `event`. */
export const publish = <E extends EventName>(channel: string, event: E, payload: EventPayload<E>) => publishAll([outgoing(channel, event, payload)]);
