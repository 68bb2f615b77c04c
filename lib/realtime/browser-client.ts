// The one pusher-js instance of this tab, created on first use with the settings the server
// layout passes down (the same answer as GET /api/realtime/config). pusher-js is loaded on
// demand so it never runs during server rendering.
import type Pusher from "pusher-js";
import type { RealtimeClientConfig } from "@/lib/realtime/client-config";
import { reconnectAfterTermination } from "@/lib/realtime/termination-recovery";

export const CHANNEL_AUTH_ENDPOINT = "/api/pusher/auth";
export const USER_AUTH_ENDPOINT = "/api/pusher/user-auth";

let instance: Promise<Pusher> | null = null;

async function create(config: RealtimeClientConfig): Promise<Pusher> {
  const { default: PusherClient } = await import("pusher-js");
  const custom = config.wsHost
    ? {
        wsHost: config.wsHost,
        wsPort: config.wsPort ?? 80,
        wssPort: config.wsPort ?? 443,
        enabledTransports: ["ws" as const, "wss" as const],
      }
    : {};
  const pusher = new PusherClient(config.key, {
    cluster: config.cluster,
    forceTLS: config.forceTLS,
    disableStats: true,
    ...custom,
    channelAuthorization: { endpoint: CHANNEL_AUTH_ENDPOINT, transport: "ajax" },
    userAuthentication: { endpoint: USER_AUTH_ENDPOINT, transport: "ajax" },
  });
  // Signed in on every (re)connection, so the app can terminate this user's connections.
  pusher.signin();
  reconnectAfterTermination(pusher);
  return pusher;
}

export function realtimeClient(config: RealtimeClientConfig): Promise<Pusher> {
  instance ??= create(config);
  return instance;
}

/** On sign-out: the next user of this tab gets a fresh connection. */
export async function disconnectRealtime(): Promise<void> {
  const current = instance;
  instance = null;
  (await current)?.disconnect();
}
