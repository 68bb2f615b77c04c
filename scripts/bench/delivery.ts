// Delivery at scale comes from the realtime benchmark (scripts/bench/realtime/): 1,000
// pusher-js clients in presence rooms, publish → receive latency and losses. Latency is measured
// at a stated publish rate (the send target); a second, unpaced run finds the saturation
// throughput, where latency is mostly the queue in the one process that hosts all the clients.
import { runRealtimeBench } from "./realtime/run";
import type { BenchConfig } from "./config";
import type { Progress } from "./progress";

export type DeliveryResult = {
  clients: number;
  rooms: number;
  messages: number;
  deliveries: number;
  p50_ms: number;
  p95_ms: number;
  p99_ms: number;
  max_ms: number;
  lost: number;
  typing_lost: number;
  deliveries_per_s: number;
  /** Events published per second in the measured run. */
  publish_rate: number;
  /** The unpaced run: as many events as the loop can publish. */
  saturation: { events_per_s: number; deliveries_per_s: number; p50_ms: number; p99_ms: number; lost: number };
  server: string;
  /** How events were published: the realtime benchmark uses its own server-SDK client. */
  publish_path: string;
};

export async function benchDelivery(config: BenchConfig, progress: Progress): Promise<DeliveryResult> {
  const { clients, messages, rate } = config.delivery;
  const task = progress.task(`delivery: ${clients} pusher-js clients`, 2);
  const result = await runRealtimeBench({ clients, messages, rate, log: (line) => task.step(line) });
  task.tick();
  const saturated = await runRealtimeBench({ clients, messages, rate: 0, log: (line) => task.step(`unpaced: ${line}`) });
  const { publish, typing } = result;
  const delivery: DeliveryResult = {
    clients: result.clients,
    rooms: result.rooms,
    messages: publish.events,
    deliveries: publish.expectedDeliveries,
    p50_ms: publish.latencyMs.p50,
    p95_ms: publish.latencyMs.p95,
    p99_ms: publish.latencyMs.p99,
    max_ms: publish.latencyMs.max,
    lost: publish.lost + saturated.publish.lost,
    typing_lost: typing.lost + saturated.typing.lost,
    deliveries_per_s: publish.deliveriesPerSecond,
    publish_rate: rate,
    saturation: {
      events_per_s: saturated.publish.eventsPublishedPerSecond,
      deliveries_per_s: saturated.publish.deliveriesPerSecond,
      p50_ms: saturated.publish.latencyMs.p50,
      p99_ms: saturated.publish.latencyMs.p99,
      lost: saturated.publish.lost,
    },
    server: result.server,
    publish_path: "pusher server SDK triggerBatch (scripts/bench/realtime/)",
  };
  task.tick();
  task.done(`p50 ${delivery.p50_ms} ms, p99 ${delivery.p99_ms} ms, lost ${delivery.lost}`);
  return delivery;
}
