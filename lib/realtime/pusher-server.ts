import "server-only";
// The one server-side Pusher client: hosted Pusher (PUSHER_CLUSTER), Soketi or the embedded
// server (PUSHER_HOST/PUSHER_PORT/PUSHER_USE_TLS), chosen by the environment.
import Pusher from "pusher";
import { env } from "@/lib/env";
import { realtimeConnection } from "@/lib/realtime/connection";

let client: Pusher | undefined;

export function pusherServer(): Pusher {
  if (client) return client;
  const e = env();
  const connection = realtimeConnection(e);
  client = new Pusher({
    appId: e.PUSHER_APP_ID,
    key: e.PUSHER_KEY,
    secret: e.PUSHER_SECRET,
    ...(connection.kind === "host"
      ? { host: connection.host, port: String(connection.port), useTLS: connection.useTLS }
      : { cluster: connection.cluster, useTLS: true }),
    timeout: 5000,
  });
  return client;
}

/** For tests that start a realtime server on a random port after the client was made. */
export function resetPusherServer(): void {
  client = undefined;
}
