// The embedded realtime server in a child process of its own, as in production where it is a
// separate service: benchmarks keep its CPU apart from the process that measures.
import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

export type RealtimeChild = {
  /** The child's process id (benchmarks read its CPU time). */
  pid: number;
  host: string;
  port: number;
  appId: string;
  key: string;
  secret: string;
  stop(): Promise<void>;
};

const ENTRY = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "realtime-server", "main.ts");
const START_TIMEOUT_MS = 30_000;

/** Starts `realtime-server/main.ts` on a free port of 127.0.0.1 and resolves once it listens. */
export async function startRealtimeChild(options: {
  appId: string;
  key: string;
  secret: string;
  /** Client events a connection may send per second (Pusher allows 10). */
  clientEventsPerSecond?: number;
  /** Share of publish calls the server fails with a 503 (seeded: realtime-server/failure-injection.ts). */
  publishFailures?: { rate: number; seed: number };
}): Promise<RealtimeChild> {
  const { appId, key, secret } = options;
  const child = spawn(process.execPath, ["--import", "tsx", ENTRY], {
    env: {
      ...process.env,
      REALTIME_HOST: "127.0.0.1",
      REALTIME_PORT: "0",
      PUSHER_APP_ID: appId,
      PUSHER_KEY: key,
      PUSHER_SECRET: secret,
      ...(options.clientEventsPerSecond ? { REALTIME_CLIENT_EVENTS_PER_SECOND: String(options.clientEventsPerSecond) } : {}),
      ...(options.publishFailures
        ? { REALTIME_PUBLISH_FAILURE_RATE: String(options.publishFailures.rate), REALTIME_PUBLISH_FAILURE_SEED: String(options.publishFailures.seed) }
        : {}),
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("the realtime server child did not start in time")), START_TIMEOUT_MS);
    let output = "";
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const line = output.split("\n").find((candidate) => candidate.includes('"port"'));
      if (!line) return;
      clearTimeout(timer);
      child.stdout.off("data", onData);
      resolve((JSON.parse(line) as { port: number }).port);
    };
    child.stdout.on("data", onData);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`the realtime server child exited with ${code}`));
    });
  });
  child.stdout.resume();
  return {
    pid: child.pid ?? 0,
    host: "127.0.0.1",
    port,
    appId,
    key,
    secret,
    stop: async () => {
      if (child.exitCode === null) child.kill("SIGTERM");
      await exited;
    },
  };
}
