// The realtime benchmark: N pusher-js clients in presence rooms of 2–50, messages published
// through the server SDK (triggerBatch), typing relayed as client events. Measures latency,
// throughput and losses.
import { Agent } from "node:http";
import { performance } from "node:perf_hooks";
import Pusher from "pusher";
import { connectClients, type Member, subscribeRooms } from "./clients";
import { latencyStats } from "./latency";
import { publishMessages } from "./publish";
import { mulberry32, roomSizes } from "./rooms";
import { startBenchServer } from "./server";
import { DEFAULT_PUBLISH_RATE, type RealtimeBenchOptions, type RealtimeBenchResult } from "./types";
import { sendTyping } from "./typing";
import { settle } from "./wait";

export async function runRealtimeBench(options: RealtimeBenchOptions = {}): Promise<RealtimeBenchResult> {
  const log = options.log ?? (() => {});
  const clientCount = options.clients ?? 1000;
  const messageCount = options.messages ?? 2000;
  const concurrency = options.concurrency ?? 4;
  const rate = options.rate ?? DEFAULT_PUBLISH_RATE;
  const typingPerRoom = options.typingPerRoom ?? 5;
  const random = mulberry32(options.seed ?? 42);

  const server = await startBenchServer(options);
  const { host, port, appId, key, secret, useTLS } = server.target;
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency * 2 });
  const sdk = new Pusher({ appId, key, secret, host, port: String(port), useTLS, agent });

  const sizes = roomSizes(clientCount, random);
  const roomOf = sizes.flatMap((size, room) => Array.from({ length: size }, () => room));
  const members: Member[] = [];

  const publishLatencies: number[] = [];
  const typingLatencies: number[] = [];
  let lastDeliveryAt = 0;
  const listeners = {
    onMessage: (data: { t: number }) => {
      lastDeliveryAt = performance.now();
      publishLatencies.push(lastDeliveryAt - data.t);
    },
    onTyping: (data: { t: number }) => typingLatencies.push(performance.now() - data.t),
  };

  try {
    log(`connecting ${clientCount} clients in ${sizes.length} rooms to ${host}:${port}`);
    const connectStart = performance.now();
    await connectClients(server.target, sdk, roomOf, members);
    const connectMs = performance.now() - connectStart;
    const subscribeStart = performance.now();
    await subscribeRooms(members, listeners);
    const subscribeMs = performance.now() - subscribeStart;
    log(`connected in ${Math.round(connectMs)} ms, subscribed in ${Math.round(subscribeMs)} ms`);

    const targets = Array.from({ length: messageCount }, () => Math.floor(random() * sizes.length));
    const expectedDeliveries = targets.reduce((total, room) => total + sizes[room], 0);
    const published = await publishMessages(sdk, targets, { rate, concurrency });
    await settle(
      () => publishLatencies.length >= expectedDeliveries,
      () => publishLatencies.length,
    );
    const durationMs = Math.max(lastDeliveryAt, published.startedAt + published.publishedMs) - published.startedAt;
    log(`published ${messageCount} events in ${Math.round(published.publishedMs)} ms`);

    const typing = await sendTyping(members, sizes, typingPerRoom);
    await settle(
      () => typingLatencies.length >= typing.expectedDeliveries,
      () => typingLatencies.length,
    );

    return {
      server: server.kind,
      clients: clientCount,
      rooms: sizes.length,
      roomSize: { min: Math.min(...sizes), mean: Math.round((clientCount / sizes.length) * 10) / 10, max: Math.max(...sizes) },
      connectMs: Math.round(connectMs),
      subscribeMs: Math.round(subscribeMs),
      publish: {
        rate,
        events: messageCount,
        batches: published.batches,
        expectedDeliveries,
        delivered: publishLatencies.length,
        lost: Math.max(0, expectedDeliveries - publishLatencies.length),
        durationMs: Math.round(durationMs),
        eventsPublishedPerSecond: Math.round(messageCount / (published.publishedMs / 1000)),
        deliveriesPerSecond: Math.round(publishLatencies.length / (durationMs / 1000)),
        latencyMs: latencyStats(publishLatencies),
      },
      typing: {
        events: typing.events,
        expectedDeliveries: typing.expectedDeliveries,
        delivered: typingLatencies.length,
        lost: Math.max(0, typing.expectedDeliveries - typingLatencies.length),
        latencyMs: latencyStats(typingLatencies),
      },
      finishedAt: new Date().toISOString(),
    };
  } finally {
    for (const member of members) member.client.disconnect();
    agent.destroy();
    await server.stop();
  }
}
