// The server under test: another one named by PUSHER_* variables, or the embedded server started
// on a free port, in a child process (default) or in this process.
import { startRealtimeServer } from "@/realtime-server";
import { startRealtimeChild } from "../../realtime-child";
import type { ServerKind, Target } from "./types";

const CREDENTIALS = { appId: "bench-app", key: "bench-key", secret: "bench-secret" };

export type BenchServer = { kind: ServerKind; target: Target; stop: () => Promise<void> };

export function targetFromEnv(env: NodeJS.ProcessEnv): Target | undefined {
  if (!env.PUSHER_HOST) return undefined;
  const useTLS = env.PUSHER_USE_TLS === "true";
  return {
    host: env.PUSHER_HOST,
    port: Number(env.PUSHER_PORT ?? (useTLS ? 443 : 6001)),
    appId: env.PUSHER_APP_ID ?? "app-id",
    key: env.PUSHER_KEY ?? "app-key",
    secret: env.PUSHER_SECRET ?? "app-secret",
    useTLS,
  };
}

export async function startBenchServer(options: { target?: Target; inline?: boolean }): Promise<BenchServer> {
  if (options.target) return { kind: "external", target: options.target, stop: async () => {} };
  if (options.inline) {
    const inline = await startRealtimeServer({ port: 0, ...CREDENTIALS });
    return { kind: "embedded-inline", target: { host: inline.host, port: inline.port, ...CREDENTIALS, useTLS: false }, stop: () => inline.close() };
  }
  const child = await startRealtimeChild(CREDENTIALS);
  return { kind: "embedded-child-process", target: { host: child.host, port: child.port, ...CREDENTIALS, useTLS: false }, stop: child.stop };
}
