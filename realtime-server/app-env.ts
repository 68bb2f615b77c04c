// The variables the app reads to publish to an embedded realtime server and to point browsers at
// it: plain HTTP and WebSocket on the given host (loopback in every use here).
export type RealtimeTarget = { appId: string; key: string; secret: string; host: string; port: number };

export function pusherEnv(target: RealtimeTarget) {
  return {
    PUSHER_APP_ID: target.appId,
    PUSHER_KEY: target.key,
    PUSHER_SECRET: target.secret,
    PUSHER_HOST: target.host,
    PUSHER_PORT: String(target.port),
    PUSHER_USE_TLS: "false",
  };
}
