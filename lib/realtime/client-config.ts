import "server-only";
import { env } from "@/lib/env";

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
  const host = e.PUSHER_WS_HOST ?? e.PUSHER_HOST ?? null;
  return {
    key: e.PUSHER_KEY,
    cluster: e.PUSHER_CLUSTER ?? "mt1",
    wsHost: host,
    wsPort: host ? (e.PUSHER_WS_PORT ?? e.PUSHER_PORT ?? null) : null,
    forceTLS: host ? e.PUSHER_USE_TLS : true,
  };
}
