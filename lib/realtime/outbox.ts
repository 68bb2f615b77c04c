// What a domain function hands back besides its result: the realtime events it produced and the
// users whose connections must be cut, all to happen after its transaction commits. The doors
// (lib/http/route.ts, lib/http/action.ts) deliver them (lib/realtime/deliver.ts); the domain
// itself never publishes, so it runs anywhere (scripts, tests) without the realtime client.
import type { OutgoingEvent } from "@/lib/wire/events";

export type Termination = { userId: number; reason: string };

export type WithEvents<T> = { result: T; events: OutgoingEvent[]; terminate?: Termination[] };

export const withEvents = <T>(result: T, events: OutgoingEvent[] = [], terminate: Termination[] = []): WithEvents<T> => ({
  result,
  events,
  terminate,
});
