// The realtime result as a terminal table and as bench/results/realtime.json.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { LatencyStats, RealtimeBenchResult } from "./types";

export const DEFAULT_OUTPUT = path.join(import.meta.dirname, "..", "..", "..", "bench", "results", "realtime.json");

export function formatRealtimeTable(result: RealtimeBenchResult): string {
  const { publish, typing } = result;
  const row = (label: string, stats: LatencyStats) =>
    `${label.padEnd(22)}${[stats.count, stats.p50, stats.p95, stats.p99, stats.max].map((n) => String(n).padStart(10)).join("")}`;
  return [
    `realtime bench (${result.server}): ${result.clients} clients, ${result.rooms} rooms of ${result.roomSize.min}–${result.roomSize.max} (mean ${result.roomSize.mean})`,
    `connect ${result.connectMs} ms, subscribe ${result.subscribeMs} ms`,
    `${"latency (ms)".padEnd(22)}${["samples", "p50", "p95", "p99", "max"].map((h) => h.padStart(10)).join("")}`,
    row("publish → receive", publish.latencyMs),
    row("typing relay", typing.latencyMs),
    `published ${publish.events} events in ${publish.batches} batches: ${publish.eventsPublishedPerSecond} events/s in, ${publish.deliveriesPerSecond} deliveries/s out`,
    `lost: ${publish.lost} of ${publish.expectedDeliveries} deliveries, ${typing.lost} of ${typing.expectedDeliveries} typing relays`,
  ].join("\n");
}

export function writeRealtimeResult(result: RealtimeBenchResult, file = DEFAULT_OUTPUT): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
}
