// A realtime server of the test's own (the run's credentials, so channel authorization signed by
// the app is valid on it) that the app publishes to, so a test can make its publish calls fail.
import { inject } from "vitest";
import { db } from "@/lib/db";
import { resetEnvCache } from "@/lib/env";
import { resetPusherServer } from "@/lib/realtime/pusher-server";
import { type RealtimeServer, startRealtimeServer } from "@/realtime-server";

export async function ownRealtimeServer(): Promise<{ server: RealtimeServer; restore(): Promise<void> }> {
  const run = inject("realtime");
  const server = await startRealtimeServer({ host: "127.0.0.1", port: 0, appId: run.appId, key: run.key, secret: run.secret });
  const point = (port: number) => {
    process.env.PUSHER_PORT = String(port);
    resetEnvCache();
    resetPusherServer();
  };
  point(server.port);
  return {
    server,
    async restore() {
      point(run.port);
      await server.close();
    },
  };
}

/** The outbox's newest id (0 when empty): rows a test makes come after it. */
export async function lastOutboxId(): Promise<bigint> {
  return (await db.realtimeOutbox.aggregate({ _max: { id: true } }))._max.id ?? 0n;
}

export const outboxRowsAfter = (id: bigint) => db.realtimeOutbox.findMany({ where: { id: { gt: id } }, orderBy: { id: "asc" } });

/** Rows waiting for a retry become due now (instead of waiting out their backoff). */
export const makeDue = (after: bigint) =>
  db.$executeRaw`UPDATE realtime_outbox SET next_attempt_at = now() WHERE id > ${after} AND published_at IS NULL`;
