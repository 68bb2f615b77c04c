// Process metrics in Prometheus form (prom-client), one registry for the app.
import client from "prom-client";
import { realtimeStats } from "@/lib/realtime/stats";

function createMetrics() {
  const registry = new client.Registry();
  const ms = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];
  return {
    registry,
    messagesSent: new client.Counter({ name: "chat_messages_sent_total", help: "Messages stored", registers: [registry] }),
    sendLatency: new client.Histogram({ name: "chat_send_duration_seconds", help: "Send transaction duration", buckets: ms, registers: [registry] }),
    publishLatency: new client.Histogram({
      name: "realtime_publish_duration_seconds",
      help: "Realtime publish duration",
      buckets: ms,
      registers: [registry],
    }),
    publishFailures: new client.Counter({ name: "realtime_publish_failures_total", help: "Realtime publishes that failed", registers: [registry] }),
    outboxPublished: new client.Counter({
      name: "realtime_outbox_published_total",
      help: "Outbox events the realtime API accepted, right after commit or by the drainer",
      labelNames: ["via"] as const,
      registers: [registry],
    }),
    outboxFailures: new client.Counter({
      name: "realtime_outbox_publish_failures_total",
      help: "Outbox events whose publish failed (retried later)",
      labelNames: ["via"] as const,
      registers: [registry],
    }),
    outboxGivenUp: new client.Counter({
      name: "realtime_outbox_given_up_total",
      help: "Outbox events given up after every retry",
      registers: [registry],
    }),
    outboxPruned: new client.Counter({ name: "realtime_outbox_pruned_total", help: "Old outbox rows deleted", registers: [registry] }),
    terminations: new client.Counter({
      name: "realtime_terminations_total",
      help: "Requests to cut a user's realtime connections",
      labelNames: ["result"] as const,
      registers: [registry],
    }),
    pushSends: new client.Counter({
      name: "notify_push_sends_total",
      help: "Web Push messages by outcome: sent, expired (subscription removed), refused (endpoint), failed",
      labelNames: ["result"] as const,
      registers: [registry],
    }),
    channelAuth: new client.Counter({
      name: "realtime_channel_auth_total",
      help: "Channel authorizations",
      labelNames: ["result"] as const,
      registers: [registry],
    }),
    httpResponses: new client.Counter({
      name: "http_responses_total",
      help: "API responses by route and status",
      labelNames: ["route", "status"] as const,
      registers: [registry],
    }),
    httpDuration: new client.Histogram({
      name: "http_request_duration_seconds",
      help: "API request duration",
      labelNames: ["route"] as const,
      buckets: ms,
      registers: [registry],
    }),
    // Read from the realtime server's HTTP API at scrape time (cached a few seconds).
    realtimeUp: new client.Gauge({
      name: "realtime_api_up",
      help: "1 when the realtime server's HTTP API answered the last channel query",
      registers: [registry],
      async collect() {
        this.set((await realtimeStats()).up ? 1 : 0);
      },
    }),
    realtimeChannels: new client.Gauge({
      name: "realtime_channels",
      help: "Occupied realtime channels by type",
      labelNames: ["type"] as const,
      registers: [registry],
      async collect() {
        const { channels } = await realtimeStats();
        for (const [type, count] of Object.entries(channels)) this.set({ type }, count);
      },
    }),
    realtimePresenceMembers: new client.Gauge({
      name: "realtime_presence_members",
      help: "Members of presence channels (people with a room open, counted once per room)",
      registers: [registry],
      async collect() {
        this.set((await realtimeStats()).presenceMembers);
      },
    }),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
const globalForMetrics = globalThis as unknown as { metrics?: Metrics };
export const metrics: Metrics = globalForMetrics.metrics ?? createMetrics();
globalForMetrics.metrics = metrics;
