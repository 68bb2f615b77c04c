import "server-only";
// Occupancy of the realtime server, read from its HTTP API (hosted Pusher, Soketi and the
// embedded server all answer GET /channels). Connection counts are not part of that API, so
// presence members (people with a room open, once per room) stand in for them.
import { z } from "zod";
import { log } from "@/lib/log";
import { pusherServer } from "@/lib/realtime/pusher-server";

export type RealtimeStats = {
  up: boolean;
  channels: { presence: number; private: number; public: number };
  presenceMembers: number;
  checkedAt: Date;
};

const channelsSchema = z.object({ channels: z.record(z.string(), z.object({ user_count: z.number().int().nonnegative().optional() })) });

// Scrapes and page views within this window share one answer, sparing the API (hosted Pusher
// rate-limits it).
const CACHE_MS = 5_000;
const TIMEOUT_MS = 2_000;
let cached: { at: number; value: Promise<RealtimeStats> } | undefined;

async function query(params: Record<string, string>): Promise<z.infer<typeof channelsSchema>["channels"]> {
  const request = pusherServer().get({ path: "/channels", params });
  const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error("timeout")), TIMEOUT_MS).unref());
  const response = await Promise.race([request, timeout]);
  if (response.status !== 200) throw new Error(`HTTP ${response.status}`);
  return channelsSchema.parse(await response.json()).channels;
}

async function load(): Promise<RealtimeStats> {
  const checkedAt = new Date();
  try {
    const [all, presence] = await Promise.all([query({}), query({ filter_by_prefix: "presence-", info: "user_count" })]);
    const names = Object.keys(all);
    return {
      up: true,
      channels: {
        presence: names.filter((n) => n.startsWith("presence-")).length,
        private: names.filter((n) => n.startsWith("private-")).length,
        public: names.filter((n) => !n.startsWith("presence-") && !n.startsWith("private-")).length,
      },
      presenceMembers: Object.values(presence).reduce((sum, c) => sum + (c.user_count ?? 0), 0),
      checkedAt,
    };
  } catch (error) {
    log.warn({ event: "realtime.stats", error: String(error) }, "realtime stats unavailable");
    return { up: false, channels: { presence: 0, private: 0, public: 0 }, presenceMembers: 0, checkedAt };
  }
}

export function realtimeStats(now = Date.now()): Promise<RealtimeStats> {
  if (!cached || now - cached.at >= CACHE_MS) cached = { at: now, value: load() };
  return cached.value;
}

/** Tests that change the realtime server forget the cached answer. */
export function resetRealtimeStats(): void {
  cached = undefined;
}
