// What a domain function hands back besides its result: the realtime events it produced and the
// users whose connections must be cut. Writers store the events in their own transaction
// (lib/realtime/outbox-store.ts: `outboxIds` then names those rows); the doors (lib/http/door.ts)
// publish them right after commit (lib/realtime/deliver.ts), and whatever that misses the drainer
// publishes (lib/realtime/drain.ts). The domain itself never publishes, so it runs anywhere
// (scripts, tests) without the realtime client.
import type { OutgoingEvent } from "@/lib/wire/events";

export type Termination = { userId: number; reason: string };

export type WithEvents<T> = { result: T; events: OutgoingEvent[]; terminate?: Termination[]; outboxIds?: number[] };

export const withEvents = <T>(result: T, events: OutgoingEvent[] = [], terminate: Termination[] = []): WithEvents<T> => ({
  result,
  events,
  terminate,
});

/** The same events (and outbox rows) with another result. */
export const withResult = <T, U>(produced: WithEvents<T>, result: U): WithEvents<U> => ({ ...produced, result });
