import "server-only";
import { env } from "@/lib/env";
import { realtimeConnection } from "@/lib/realtime/connection";

/** What the browser needs to connect: never the secret. */
export type RealtimeClientConfig = {
  key: string;
  cluster: string;
  wsHost: string | null;
  wsPort: number | null;
  forceTLS: boolean;
};

export function realtimeClientConfig(): RealtimeClientConfig {
  const e = env();
  const connection = realtimeConnection(e);
  if (connection.kind === "cluster" && !e.PUSHER_WS_HOST) {
    return { key: e.PUSHER_KEY, cluster: connection.cluster, wsHost: null, wsPort: null, forceTLS: true };
  }
  const server = connection.kind === "host" ? connection : null;
  return {
    key: e.PUSHER_KEY,
    // pusher-js wants a cluster even when wsHost decides where it connects.
    cluster: e.PUSHER_CLUSTER ?? "mt1",
    wsHost: e.PUSHER_WS_HOST ?? server?.host ?? null,
    wsPort: e.PUSHER_WS_PORT ?? server?.port ?? (e.PUSHER_USE_TLS ? 443 : 80),
    forceTLS: e.PUSHER_USE_TLS,
  };
}
