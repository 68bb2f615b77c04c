// Publishing: a closed loop of `concurrency` triggerBatch requests of up to BATCH_SIZE events,
// paced to `rate` events/s (0: as fast as the loop allows). Each event carries its send time.
import { performance } from "node:perf_hooks";
import type Pusher from "pusher";
import { EVENTS } from "@/lib/wire/events";
import { roomName } from "./clients";
import { delay } from "./wait";

const BATCH_SIZE = 10;
const BODY = "x".repeat(160);

export type PublishRun = { startedAt: number; publishedMs: number; batches: number };

/** Publishes one message to each room in `targets` (room indexes). */
export async function publishMessages(sdk: Pusher, targets: number[], options: { rate: number; concurrency: number }): Promise<PublishRun> {
  const { rate, concurrency } = options;
  let next = 0;
  let batches = 0;
  const startedAt = performance.now();
  const worker = async () => {
    while (next < targets.length) {
      const slice = targets.slice(next, next + BATCH_SIZE);
      const first = next;
      next += slice.length;
      const wait = rate > 0 ? startedAt + (first * 1000) / rate - performance.now() : 0;
      if (wait > 0) await delay(wait);
      const t = performance.now();
      await sdk.triggerBatch(
        slice.map((room, i) => ({ channel: roomName(room), name: EVENTS.messageCreated, data: { id: first + i, room: room + 1, t, body: BODY } })),
      );
      batches++;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { startedAt, publishedMs: performance.now() - startedAt, batches };
}
