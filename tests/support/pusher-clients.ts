// Real pusher-js clients against the test run's embedded realtime server, each authorized
// through our /api/pusher/auth route handler with its user's session cookie (as a browser is).
import PusherJs, { type Channel } from "pusher-js";
import { inject } from "vitest";
import { POST as pusherAuth } from "@/app/api/pusher/auth/route";
import { call, request, type Caller } from "@/tests/support/http";

/** Clients made here; call `disconnectAll` in afterAll. */
const clients: PusherJs[] = [];

/** WebSocket only, to the test run's embedded server at `rt`, no TLS, no stats. */
export const testSocketOptions = (rt: { host: string; port: number }) => ({
  cluster: "",
  wsHost: rt.host,
  wsPort: rt.port,
  forceTLS: false,
  enabledTransports: ["ws" as const],
  disableStats: true,
});

/** `rt`: another realtime server than the run's (same credentials), e.g. one that fails publishes. */
export function pusherClientFor(user: NonNullable<Caller>, rt: { host: string; port: number; key: string } = inject("realtime")): PusherJs {
  const client = new PusherJs(rt.key, {
    ...testSocketOptions(rt),
    channelAuthorization: {
      endpoint: "/api/pusher/auth",
      transport: "ajax",
      // The browser posts this form with its cookie; here the real route handler gets the same.
      customHandler: ({ socketId, channelName }, callback) => {
        const body = new URLSearchParams({ socket_id: socketId, channel_name: channelName }).toString();
        request(user, "POST", "/api/pusher/auth", { body, headers: { "content-type": "application/x-www-form-urlencoded" } })
          .then((req) => call(pusherAuth, req))
          .then((res) => (res.status === 200 ? callback(null, res.body) : callback(new Error(`auth ${res.status}`), null)));
      },
    },
  });
  clients.push(client);
  return client;
}

export function disconnectAll() {
  for (const c of clients.splice(0)) c.disconnect();
}

export function subscribed<C extends Channel>(client: PusherJs, name: string): Promise<C> {
  const channel = client.subscribe(name);
  return new Promise((resolve, reject) => {
    channel.bind("pusher:subscription_succeeded", () => resolve(channel as C));
    channel.bind("pusher:subscription_error", (e: unknown) => reject(new Error(JSON.stringify(e))));
  });
}

/** The next `event` on `channel` whose data matches. */
export function next<T>(channel: Channel, event: string, match: (data: T) => boolean = () => true): Promise<T> {
  return new Promise((resolve) => {
    const handler = (data: T) => {
      if (!match(data)) return;
      channel.unbind(event, handler);
      resolve(data);
    };
    channel.bind(event, handler);
  });
}
