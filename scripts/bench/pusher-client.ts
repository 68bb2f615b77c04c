// pusher-js in Node, authorizing subscriptions through the app's authorizeChannel: the same
// check /api/pusher/auth makes for a signed-in browser.
import PusherJs, { type Channel } from "pusher-js";
import type { SessionUser } from "@/lib/auth/credentials";
import type { App, RealtimeTarget } from "./app";

const TIMEOUT_MS = 10_000;

function within<T>(promise: Promise<T>, label: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out: ${label}`)), TIMEOUT_MS);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export function connectAs(app: App, realtime: RealtimeTarget, user: SessionUser): PusherJs {
  return new PusherJs(realtime.key, {
    cluster: "",
    wsHost: realtime.host,
    wsPort: realtime.port,
    forceTLS: false,
    enabledTransports: ["ws"],
    disableStats: true,
    channelAuthorization: {
      endpoint: "/api/pusher/auth",
      transport: "ajax",
      customHandler: ({ socketId, channelName }, callback) => {
        app.authorizeChannel(user, socketId, channelName).then(
          (auth) => callback(null, auth),
          (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), null),
        );
      },
    },
  });
}

export function subscribed(client: PusherJs, name: string): Promise<Channel> {
  const channel = client.subscribe(name);
  return within(
    new Promise<Channel>((resolve, reject) => {
      channel.bind("pusher:subscription_succeeded", () => resolve(channel));
      channel.bind("pusher:subscription_error", (error: unknown) => reject(new Error(`subscription to ${name} failed: ${JSON.stringify(error)}`)));
    }),
    `subscription to ${name}`,
  );
}

/** Resolves once `done()` holds, checking every few milliseconds; rejects after the timeout. */
export async function until(done: () => boolean, label: string, timeoutMs = TIMEOUT_MS): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!done()) {
    if (performance.now() > deadline) throw new Error(`timed out: ${label}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
