// The soak's realtime server in a child process of its own, so it can be killed for real:
// SIGKILL drops every WebSocket at once with no close frame, as a crashed server would. It
// restarts on the same port, where pusher-js keeps reconnecting.
import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { freePort } from "@/scripts/db/free-port";

const ENTRY = path.join(process.cwd(), "realtime-server", "main.ts");
const START_TIMEOUT_MS = 30_000;
export const REALTIME_CREDENTIALS = { appId: "soak-app", key: "soak-key", secret: "soak-secret" };

export type RealtimeProcess = {
  host: string;
  port: number;
  /** SIGKILL: the process dies with its sockets open. */
  kill(): Promise<void>;
  /** Starts a fresh server on the same port. */
  start(): Promise<void>;
  close(): Promise<void>;
};

function launch(port: number, extraEnv: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", ENTRY], {
    env: {
      ...process.env,
      ...extraEnv,
      REALTIME_HOST: "127.0.0.1",
      REALTIME_PORT: String(port),
      PUSHER_APP_ID: REALTIME_CREDENTIALS.appId,
      PUSHER_KEY: REALTIME_CREDENTIALS.key,
      PUSHER_SECRET: REALTIME_CREDENTIALS.secret,
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("the realtime server did not start in time")), START_TIMEOUT_MS);
    let output = "";
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (!output.includes('"port"')) return;
      clearTimeout(timer);
      child.stdout?.off("data", onData);
      child.stdout?.resume();
      child.off("exit", onExit);
      resolve(child);
    };
    const onExit = (code: number | null) => {
      clearTimeout(timer);
      reject(new Error(`the realtime server exited with ${code} while starting on port ${port}`));
    };
    child.stdout?.on("data", onData);
    child.once("exit", onExit);
  });
}

function killed(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill(signal);
  return exited;
}

/** `extraEnv`: e.g. REALTIME_PUBLISH_FAILURE_RATE, to make publish calls fail. */
export async function startRealtimeProcess(extraEnv: Record<string, string> = {}): Promise<RealtimeProcess> {
  const port = await freePort();
  let child: ChildProcess | null = await launch(port, extraEnv);
  return {
    host: "127.0.0.1",
    port,
    async kill() {
      if (child) await killed(child, "SIGKILL");
      child = null;
    },
    async start() {
      child = await launch(port, extraEnv);
    },
    async close() {
      if (child) await killed(child, "SIGTERM");
      child = null;
    },
  };
}
