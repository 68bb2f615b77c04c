import { describe, expect, it } from "vitest";
import { type BenchResult, correctnessFailures, evaluateTargets } from "@/scripts/bench/result";

const base: BenchResult = {
  date: "2026-01-01T00:00:00.000Z",
  mode: "smoke",
  duration_s: 1,
  machine: { cpus: 2, cpu_model: "cpu", memory_gb: 1, node: "v20", os: "linux", postgres: "18", postgres_settings: {}, load_average: [0, 0, 0] },
  dataset: {
    users: 1,
    rooms: 1,
    messages: 1,
    participants: 1,
    heavy_user_id: 1,
    heavy_user_rooms: 1,
    largest_room_id: 1,
    largest_room_messages: 1,
    build_s: 1,
    built_at: "2026-01-01T00:00:00.000Z",
    reused: false,
  },
  targets: [],
  failures: [],
};

const typing = {
  room_id: 1,
  events: 10,
  delivered: 10,
  db_writes: 0,
  db_writes_per_event: 0,
  database_tuple_writes: 0,
  changed_relations: {},
  events_per_second: 1,
  control_writes_seen: 1,
};
const delivery = {
  clients: 2,
  rooms: 1,
  messages: 1,
  deliveries: 2,
  p50_ms: 1,
  p95_ms: 1,
  p99_ms: 1,
  max_ms: 1,
  lost: 0,
  typing_lost: 0,
  deliveries_per_s: 1,
  publish_rate: 500,
  saturation: { events_per_s: 1, deliveries_per_s: 1, p50_ms: 1, p99_ms: 1, lost: 0 },
  server: "x",
  publish_path: "x",
};

describe("benchmark checks", () => {
  it("passes a clean run and fails on typing writes, lost deliveries and failed sends", () => {
    expect(correctnessFailures({ ...base, typing, delivery })).toEqual([]);
    expect(correctnessFailures({ ...base, typing: { ...typing, db_writes: 2, db_writes_per_event: 0.2 } })).toHaveLength(1);
    expect(correctnessFailures({ ...base, delivery: { ...delivery, lost: 1 } })).toHaveLength(1);
    const send = { concurrency: 1, sends: 2, failed: 1, publish_failures: 0, sends_per_s: 1, p50_ms: 1, p95_ms: 1, p99_ms: 1 };
    expect(correctnessFailures({ ...base, send })).toHaveLength(1);
  });

  it("reports a missing section as a missed target, never as met", () => {
    const targets = evaluateTargets({ ...base, typing });
    expect(targets.find((t) => t.name.startsWith("Database writes"))).toMatchObject({ actual: 0, met: true });
    expect(targets.find((t) => t.name === "Sends per second")).toMatchObject({ actual: null, met: false });
  });
});
