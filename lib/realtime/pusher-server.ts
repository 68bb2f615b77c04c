import "server-only";
// The one server-side Pusher client: hosted Pusher (PUSHER_CLUSTER), Soketi or the embedded
// server (PUSHER_HOST/PUSHER_PORT/PUSHER_USE_TLS), chosen by the environment.
import Pusher from "pusher";
import { env } from "@/lib/env";

let client: Pusher | undefined;

export function pusherServer(): Pusher {
  if (client) return client;
  const e = env();
  client = new Pusher({
    appId: e.PUSHER_APP_ID,
    key: e.PUSHER_KEY,
    secret: e.PUSHER_SECRET,
    ...(e.PUSHER_HOST
      ? { host: e.PUSHER_HOST, port: String(e.PUSHER_PORT ?? (e.PUSHER_USE_TLS ? 443 : 6001)), useTLS: e.PUSHER_USE_TLS }
      : { cluster: e.PUSHER_CLUSTER ?? "mt1", useTLS: true }),
    timeout: 5000,
  });
  return client;
}

/** For tests that start a realtime server on a random port after the client was made. */
export function resetPusherServer(): void {
  client = undefined;
}
