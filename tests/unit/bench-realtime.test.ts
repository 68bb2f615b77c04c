// The realtime benchmark's room layout and flags (scripts/bench/realtime).
import { describe, expect, it } from "vitest";
import { parseRealtimeArgs } from "@/scripts/bench/realtime/args";
import { latencyStats } from "@/scripts/bench/realtime/latency";
import { mulberry32, roomSizes } from "@/scripts/bench/realtime/rooms";

describe("roomSizes", () => {
  it("splits every client count into rooms of 2–50 that add up, the same for the same seed", () => {
    for (let clients = 2; clients <= 400; clients++) {
      const sizes = roomSizes(clients, mulberry32(clients));
      expect(sizes.reduce((a, b) => a + b, 0)).toBe(clients);
      expect(Math.min(...sizes)).toBeGreaterThanOrEqual(2);
      expect(Math.max(...sizes)).toBeLessThanOrEqual(50);
      expect(roomSizes(clients, mulberry32(clients))).toEqual(sizes);
    }
  });
});

describe("parseRealtimeArgs", () => {
  it("sizes a smoke run, reads an unpaced rate and refuses bad flags", () => {
    expect(parseRealtimeArgs(["--smoke"])).toEqual({ clients: 50, messages: 200 });
    expect(parseRealtimeArgs(["--rate", "0", "--inline"])).toEqual({ rate: 0, inline: true });
    expect(() => parseRealtimeArgs(["--clients", "1"])).toThrow(/at least 2/);
    expect(() => parseRealtimeArgs(["--messages", "-3"])).toThrow(/positive integer/);
    expect(() => parseRealtimeArgs(["--fast"])).toThrow(/Unknown flag/);
  });
});

describe("latencyStats", () => {
  it("gives nearest-rank percentiles rounded to 0.01 ms, and zeros for no samples", () => {
    const samples = Array.from({ length: 100 }, (_, i) => 100 - i + 0.004);
    expect(latencyStats(samples)).toEqual({ count: 100, mean: 50.5, p50: 50, p95: 95, p99: 99, max: 100 });
    expect(latencyStats([])).toEqual({ count: 0, mean: 0, p50: 0, p95: 0, p99: 0, max: 0 });
  });
});
