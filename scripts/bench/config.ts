// What each run size builds and measures: the full benchmark (docs/BENCHMARKS.md) and the smoke run
// that proves every part works in under a minute.
import { DEFAULT_PUBLISH_RATE } from "./realtime/types";

export type DatasetParams = {
  users: number;
  rooms: number;
  messages: number;
  /** Rooms of user 1, the heavy user: every (rooms / heavyUserRooms)-th room. */
  heavyUserRooms: number;
  /** Message counts of the huge rooms, largest first; the heavy user is in all of them. */
  bigRoomMessages: number[];
  /** Members of each huge room (the heavy user included). */
  bigRoomMembers: number[];
  /** Rooms without messages (new conversations), as a share of the rest. */
  emptyRoomShare: number;
  /** Pareto shape of the other rooms' sizes: smaller means a longer tail. */
  paretoAlpha: number;
  paretoCap: number;
  /**
   * Room counts of the room-list users, one user each (ids after `users`): user k joins every
   * (rooms / k)-th room at an odd offset, so never a huge room. rooms / k must be even.
   */
  roomListRooms: number[];
};

export type BenchConfig = {
  mode: "full" | "smoke";
  database: string;
  output: string;
  dataset: DatasetParams;
  /** Message-page depths in the largest room (messages newer than the page). */
  depths: number[];
  pageSize: number;
  /** firstPageIterations: per room-list user (first_page_ms_by_rooms). */
  roomList: { iterations: number; naiveIterations: number; firstPageIterations: number };
  pages: { iterations: number; slowIterations: number; slowBudgetMs: number };
  /** The COUNT(*) side stops early once it has spent naiveBudgetMs (it can take a second a call). */
  unread: { iterations: number; naiveBudgetMs: number };
  /** Per query of the mix (scripts/bench/search.ts). */
  search: { iterations: number };
  /** `warmup`: unmeasured sends per sender first (JIT, connection pool, caches). */
  sends: { concurrency: number; perSender: number; warmup: number };
  /** Signed-in users sending over HTTP to `next start` for durationMs, after warmupMs. */
  sendHttp: { concurrency: number; warmupMs: number; durationMs: number };
  typing: { events: number; perSecond: number };
  /** `rate`: events published per second while latency is measured. */
  delivery: { clients: number; messages: number; rate: number };
  /** Senders (each in a room of its own, at `rate` sends/s) for `seconds` while `failureRate` of publish calls fail. */
  outbox: { clients: number; seconds: number; rate: number; failureRate: number };
  /** A group of `members` of which `connected` have pusher-js open; `sends` through sendMessage + deliver by `senders` at once. */
  fanout: { members: number; connected: number; sends: number; senders: number };
};

const FULL: BenchConfig = {
  mode: "full",
  database: "jobchat_bench",
  output: "bench/results/latest.json",
  dataset: {
    users: 10_000,
    rooms: 20_000,
    messages: 2_000_000,
    heavyUserRooms: 1_000,
    bigRoomMessages: [1_050_000, 200_000, 100_000, 50_000, 25_000],
    bigRoomMembers: [1_000, 500, 300, 200, 100],
    emptyRoomShare: 0.02,
    paretoAlpha: 1.3,
    paretoCap: 2_000,
    roomListRooms: [10, 100, 1_000, 10_000],
  },
  depths: [0, 10_000, 100_000, 1_000_000],
  pageSize: 50,
  roomList: { iterations: 30, naiveIterations: 8, firstPageIterations: 200 },
  pages: { iterations: 50, slowIterations: 15, slowBudgetMs: 8_000 },
  unread: { iterations: 50, naiveBudgetMs: 10_000 },
  search: { iterations: 30 },
  sends: { concurrency: 32, perSender: 125, warmup: 10 },
  sendHttp: { concurrency: 32, warmupMs: 5_000, durationMs: 30_000 },
  typing: { events: 1_000, perSecond: 500 },
  delivery: { clients: 1_000, messages: 2_000, rate: DEFAULT_PUBLISH_RATE },
  outbox: { clients: 20, seconds: 60, rate: 10, failureRate: 0.2 },
  fanout: { members: 1_000, connected: 200, sends: 400, senders: 4 },
};

const SMOKE: BenchConfig = {
  mode: "smoke",
  database: "jobchat_bench_smoke",
  output: "bench/results/smoke.json",
  dataset: {
    users: 300,
    rooms: 600,
    messages: 30_000,
    heavyUserRooms: 60,
    bigRoomMessages: [12_000, 3_000, 1_500],
    bigRoomMembers: [60, 30, 20],
    emptyRoomShare: 0.02,
    paretoAlpha: 1.3,
    paretoCap: 200,
    roomListRooms: [10, 100, 300],
  },
  depths: [0, 100, 1_000, 10_000],
  pageSize: 50,
  roomList: { iterations: 5, naiveIterations: 3, firstPageIterations: 20 },
  pages: { iterations: 5, slowIterations: 3, slowBudgetMs: 1_000 },
  unread: { iterations: 5, naiveBudgetMs: 2_000 },
  search: { iterations: 3 },
  sends: { concurrency: 32, perSender: 2, warmup: 1 },
  sendHttp: { concurrency: 32, warmupMs: 500, durationMs: 2_500 },
  typing: { events: 100, perSecond: 500 },
  delivery: { clients: 50, messages: 200, rate: DEFAULT_PUBLISH_RATE },
  outbox: { clients: 20, seconds: 3, rate: 10, failureRate: 0.2 },
  // Over 100 connected, so the smoke run covers members the presence channel refuses as full.
  fanout: { members: 250, connected: 120, sends: 20, senders: 2 },
};

/** Reasons the parameters cannot build the dataset they describe (empty when they can). */
export function datasetProblems(p: DatasetParams): string[] {
  const problems: string[] = [];
  const bigTotal = p.bigRoomMessages.reduce((sum, n) => sum + n, 0);
  if (p.bigRoomMessages.length !== p.bigRoomMembers.length) problems.push("bigRoomMessages and bigRoomMembers differ in length");
  if (p.bigRoomMessages.length > p.heavyUserRooms) problems.push("more huge rooms than heavy-user rooms");
  if (bigTotal >= p.messages) problems.push("huge rooms hold every message");
  if (p.rooms % p.heavyUserRooms !== 0) problems.push("rooms must be a multiple of heavyUserRooms");
  if (p.heavyUserRooms >= p.users - 1) problems.push("the heavy user needs a distinct partner per direct room");
  // Direct pairs are (a, a + d) over users 2..users with d = 1 + ⌊(room-1)/(users-1)⌋; d must stay small.
  if (Math.floor((p.rooms - 1) / (p.users - 1)) + 1 >= (p.users - 1) / 2) problems.push("too few users for unique direct pairs");
  if (Math.max(...p.bigRoomMembers) > p.users) problems.push("a huge room has more members than there are users");
  for (const k of p.roomListRooms) {
    if (p.rooms % k !== 0 || (p.rooms / k) % 2 !== 0) problems.push(`rooms / ${k} (a room-list user's rooms) must be an even integer`);
  }
  return problems;
}

export function benchConfig(options: { smoke: boolean; concurrency?: number }): BenchConfig {
  const base = options.smoke ? SMOKE : FULL;
  const config = { ...base, sends: { ...base.sends, concurrency: options.concurrency ?? base.sends.concurrency } };
  const problems = datasetProblems(config.dataset);
  if (problems.length) throw new Error(`bad dataset parameters: ${problems.join("; ")}`);
  return config;
}
