// The result file's shape, the targets, and the checks that fail a run (any size).
import type { BundleResult } from "./bundle";
import type { DatasetInfo } from "./dataset";
import type { DeliveryResult } from "./delivery";
import type { ExportMemoryResult } from "./export-memory";
import type { FanoutResult } from "./fanout";
import type { Machine } from "./machine";
import type { MessagePageResult } from "./message-pages";
import type { OutboxResult } from "./outbox";
import type { RoomListResult } from "./room-list";
import type { SearchResult } from "./search";
import type { SendHttpResult } from "./send-http";
import type { SendResult } from "./sends";
import type { TypingResult } from "./typing";
import type { UnreadResult } from "./unread";

export type Sections = {
  room_list: RoomListResult;
  message_page: MessagePageResult;
  unread: UnreadResult;
  search: SearchResult;
  typing: TypingResult;
  send: SendResult;
  send_http: SendHttpResult;
  delivery: DeliveryResult;
  outbox: OutboxResult;
  fanout: FanoutResult;
  bundle: BundleResult;
  export_memory: ExportMemoryResult;
};

export type TargetCheck = { name: string; target: string; actual: number | null; met: boolean };

export type BenchResult = {
  date: string;
  mode: "full" | "smoke";
  duration_s: number;
  machine: Machine;
  dataset: DatasetInfo;
  targets: TargetCheck[];
  failures: string[];
} & Partial<Sections>;

type Target = { name: string; target: string; value: (r: BenchResult) => number | null | undefined; met: (v: number) => boolean };

export const TARGETS: Target[] = [
  { name: "Room list statements", target: "≤ 2", value: (r) => r.room_list?.statements, met: (v) => v <= 2 },
  { name: "Room list speedup over N+1", target: "≥ 20×", value: (r) => r.room_list?.speedup, met: (v) => v >= 20 },
  {
    name: "Room list first page, 10,000 rooms / 10",
    target: "≤ 1.5",
    value: (r) => r.room_list?.first_page_ratio,
    met: (v) => v <= 1.5,
  },
  { name: "Page speedup over OFFSET at max depth", target: "≥ 100×", value: (r) => r.message_page?.speedup_at_max_depth, met: (v) => v >= 100 },
  { name: "Page latency, max depth / depth 0", target: "≤ 1.5", value: (r) => r.message_page?.depth_ratio, met: (v) => v <= 1.5 },
  { name: "Search p50, heavy user's rooms (ms)", target: "≤ 50", value: (r) => r.search?.p50_ms, met: (v) => v <= 50 },
  { name: "Database writes per typing event", target: "0", value: (r) => r.typing?.db_writes_per_event, met: (v) => v === 0 },
  { name: "Sends per second", target: "≥ 500", value: (r) => r.send?.sends_per_s, met: (v) => v >= 500 },
  { name: "Sends per second over HTTP (next start)", target: "≥ 500", value: (r) => r.send_http?.sends_per_s, met: (v) => v >= 500 },
  { name: "Send over HTTP p99 (ms)", target: "≤ 150", value: (r) => r.send_http?.p99_ms, met: (v) => v <= 150 },
  { name: "Delivery p99 (ms)", target: "≤ 50", value: (r) => r.delivery?.p99_ms, met: (v) => v <= 50 },
  { name: "Deliveries lost", target: "0", value: (r) => r.delivery?.lost, met: (v) => v === 0 },
  { name: "Messages lost with 20 % of publishes failing", target: "0", value: (r) => r.outbox?.lost, met: (v) => v === 0 },
  { name: "Fan-out publish calls per send", target: "≤ 11", value: (r) => r.fanout?.publish_calls_per_send, met: (v) => v <= 11 },
  { name: "Fan-out send p99 (ms)", target: "≤ 150", value: (r) => r.fanout?.send_p99_ms, met: (v) => v <= 150 },
  { name: "Fan-out deliveries lost", target: "0", value: (r) => r.fanout?.lost, met: (v) => v === 0 },
  { name: "Room page JavaScript, gzipped (KB)", target: "≤ 170", value: (r) => r.bundle?.room_page_js_gz_kb, met: (v) => v <= 170 },
  { name: "Room page Lighthouse performance (mobile)", target: "≥ 98", value: (r) => r.bundle?.lighthouse_room_performance, met: (v) => v >= 98 },
  { name: "Room page total blocking time (ms)", target: "≤ 150", value: (r) => r.bundle?.lighthouse_room_tbt_ms, met: (v) => v <= 150 },
  {
    name: "Room export: peak live heap, 20,000 / 1,000 messages",
    target: "≤ 3",
    value: (r) => r.export_memory?.live_heap_ratio,
    met: (v) => v <= 3,
  },
];

export function evaluateTargets(result: BenchResult): TargetCheck[] {
  return TARGETS.map((t) => {
    const actual = t.value(result) ?? null;
    return { name: t.name, target: t.target, actual, met: actual !== null && t.met(actual) };
  });
}

/** What must hold whatever the machine: these fail the run, timings never do. */
export function correctnessFailures(result: BenchResult): string[] {
  const failures: string[] = [];
  const { room_list: roomList, typing, send, delivery, outbox, fanout } = result;
  if (roomList && roomList.statements > 2) failures.push(`room list took ${roomList.statements} SQL statements (at most 2)`);
  if (typing) {
    if (typing.db_writes !== 0) failures.push(`typing wrote ${typing.db_writes} rows (pg_stat_user_tables)`);
    if (typing.database_tuple_writes !== 0) {
      failures.push(`typing changed ${typing.database_tuple_writes} tuples (pg_stat_database): ${JSON.stringify(typing.changed_relations)}`);
    }
    if (typing.delivered !== typing.events) failures.push(`typing: ${typing.delivered} of ${typing.events} events delivered`);
  }
  if (send) {
    if (send.failed) failures.push(`${send.failed} of ${send.sends} sends failed: ${send.first_error ?? ""}`);
    if (send.publish_failures) failures.push(`${send.publish_failures} publishes failed after sends`);
  }
  if (outbox) {
    if (outbox.lost) failures.push(`outbox: ${outbox.lost} of ${outbox.messages} messages never reached their subscriber`);
    if (outbox.failed_sends) failures.push(`outbox: ${outbox.failed_sends} sends failed`);
    if (outbox.publish_failures_injected === 0) failures.push("outbox: no publish failure was injected");
  }
  const http = result.send_http;
  if (http) {
    if (http.failed) failures.push(`${http.failed} of ${http.sends} sends over HTTP failed: ${http.first_error ?? ""}`);
    if (http.stored !== http.accepted) failures.push(`sends over HTTP: ${http.accepted} answered 2xx but ${http.stored} messages stored`);
  }
  if (delivery) {
    if (delivery.lost) failures.push(`delivery lost ${delivery.lost} of ${delivery.deliveries} events`);
    if (delivery.typing_lost) failures.push(`delivery lost ${delivery.typing_lost} typing relays`);
  }
  if (fanout) {
    if (fanout.lost) failures.push(`fan-out lost ${fanout.lost} of ${fanout.expected} deliveries`);
    const bound = 1 + Math.ceil(fanout.members / 100);
    if (fanout.publish_calls_per_send > bound)
      failures.push(`fan-out made ${fanout.publish_calls_per_send} publish calls per send (at most ${bound})`);
    if (fanout.max_channels_per_call > 100) failures.push(`fan-out sent ${fanout.max_channels_per_call} channels in one call (at most 100)`);
    if (fanout.presence_admitted > 100) failures.push(`fan-out: the presence channel admitted ${fanout.presence_admitted} members (at most 100)`);
  }
  return failures;
}
