// The realtime benchmark's options and result (bench/results/realtime.json, and the delivery
// section of npm run bench).

export type Target = { host: string; port: number; appId: string; key: string; secret: string; useTLS: boolean };

export type RealtimeBenchOptions = {
  clients?: number;
  /** Chat messages published through the HTTP API. */
  messages?: number;
  /** triggerBatch requests in flight at once. */
  concurrency?: number;
  /**
   * Publish this many events per second (default DEFAULT_PUBLISH_RATE); 0 publishes as fast as
   * the loop allows, which measures saturation: its latencies are mostly queueing.
   */
  rate?: number;
  /** Client events sent per room (each by a different member). */
  typingPerRoom?: number;
  /** Seed for the room sizes and message targets. */
  seed?: number;
  /** Another server to test; otherwise the embedded one is started on a free port. */
  target?: Target;
  /** Run the embedded server in this process instead of a child process (which keeps its CPU apart from the clients'). */
  inline?: boolean;
  log?: (line: string) => void;
};

export type LatencyStats = { count: number; mean: number; p50: number; p95: number; p99: number; max: number };

export type ServerKind = "embedded-child-process" | "embedded-inline" | "external";

export type RealtimeBenchResult = {
  server: ServerKind;
  clients: number;
  rooms: number;
  roomSize: { min: number; mean: number; max: number };
  connectMs: number;
  subscribeMs: number;
  publish: {
    /** Target events/s, 0 when unpaced. */
    rate: number;
    events: number;
    batches: number;
    expectedDeliveries: number;
    delivered: number;
    lost: number;
    durationMs: number;
    eventsPublishedPerSecond: number;
    deliveriesPerSecond: number;
    latencyMs: LatencyStats;
  };
  typing: { events: number; expectedDeliveries: number; delivered: number; lost: number; latencyMs: LatencyStats };
  finishedAt: string;
};

/**
 * The app's send-throughput target (docs/BENCHMARKS.md): delivery is measured at the rate sends
 * can arrive.
 */
export const DEFAULT_PUBLISH_RATE = 500;
