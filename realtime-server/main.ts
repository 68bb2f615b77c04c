// CLI entry: `tsx realtime-server/main.ts`, configured from the environment.
import { DEFAULT_CREDENTIALS } from "./credentials";
import { startRealtimeServer } from "./server";

async function main(): Promise<void> {
  const env = process.env;
  const failureRate = env.REALTIME_PUBLISH_FAILURE_RATE ? Number(env.REALTIME_PUBLISH_FAILURE_RATE) : 0;
  if (failureRate > 0 && env.NODE_ENV === "production") {
    throw new Error("REALTIME_PUBLISH_FAILURE_RATE injects failures for tests and benchmarks; refused with NODE_ENV=production");
  }
  const server = await startRealtimeServer({
    publishFailureRate: failureRate,
    ...(env.REALTIME_PUBLISH_FAILURE_SEED ? { publishFailureSeed: Number(env.REALTIME_PUBLISH_FAILURE_SEED) } : {}),
    host: env.REALTIME_HOST || "127.0.0.1",
    port: env.REALTIME_PORT ? Number(env.REALTIME_PORT) : 6001,
    appId: env.PUSHER_APP_ID || DEFAULT_CREDENTIALS.appId,
    key: env.PUSHER_KEY || DEFAULT_CREDENTIALS.key,
    secret: env.PUSHER_SECRET || DEFAULT_CREDENTIALS.secret,
    ...(env.REALTIME_CLIENT_EVENTS_PER_SECOND ? { clientEventsPerSecond: Number(env.REALTIME_CLIENT_EVENTS_PER_SECOND) } : {}),
  });
  console.log(
    JSON.stringify({ level: "info", msg: "realtime server listening", host: server.host, port: server.port, appId: server.appId, key: server.key }),
  );
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    server.close().then(
      () => {
        console.log(JSON.stringify({ level: "info", msg: "realtime server stopped", signal }));
        process.exit(0);
      },
      (error: unknown) => {
        console.error(JSON.stringify({ level: "error", msg: "realtime server failed to stop", error: String(error) }));
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((error: unknown) => {
  console.error(JSON.stringify({ level: "error", msg: "realtime server failed to start", error: String(error) }));
  process.exit(1);
});
