// Where the realtime server is, for the server SDK and for browsers alike: hosted Pusher when
// PUSHER_CLUSTER is set, otherwise a Pusher-protocol server at PUSHER_HOST:PUSHER_PORT (Soketi),
// which defaults to the embedded one on 127.0.0.1:6001.
import type { Env } from "@/lib/env";

export const EMBEDDED_HOST = "127.0.0.1";
export const EMBEDDED_PORT = 6001;

export type RealtimeConnection = { kind: "cluster"; cluster: string } | { kind: "host"; host: string; port: number; useTLS: boolean };

type Settings = Pick<Env, "PUSHER_CLUSTER" | "PUSHER_HOST" | "PUSHER_PORT" | "PUSHER_USE_TLS">;

export function realtimeConnection(e: Settings): RealtimeConnection {
  if (e.PUSHER_CLUSTER && !e.PUSHER_HOST) return { kind: "cluster", cluster: e.PUSHER_CLUSTER };
  const host = e.PUSHER_HOST ?? EMBEDDED_HOST;
  const port = e.PUSHER_PORT ?? (e.PUSHER_HOST ? (e.PUSHER_USE_TLS ? 443 : EMBEDDED_PORT) : EMBEDDED_PORT);
  return { kind: "host", host, port, useTLS: e.PUSHER_USE_TLS };
}
