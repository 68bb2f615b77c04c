// The Content-Security-Policy for pages: scripts only from this app (with a per-request nonce
// for Next's inline bootstrap), connections only to this app and the realtime server, and no
// framing by anyone.
import type { RealtimeClientConfig } from "@/lib/realtime/client-config";

/** Where pusher-js may connect: the configured host, or hosted Pusher's cluster hosts. */
export function realtimeSources(config: RealtimeClientConfig): string[] {
  if (config.wsHost) {
    const port = config.wsPort ? `:${config.wsPort}` : "";
    const scheme = config.forceTLS ? ["wss", "https"] : ["ws", "http"];
    return scheme.map((s) => `${s}://${config.wsHost}${port}`);
  }
  // pusher-js's cluster endpoints (socket, and the HTTP fallback transports).
  return [`wss://ws-${config.cluster}.pusher.com`, `https://sockjs-${config.cluster}.pusher.com`];
}

export function contentSecurityPolicy(input: { nonce: string; realtime: RealtimeClientConfig; dev: boolean }): string {
  const directives: Record<string, string[]> = {
    "default-src": ["'self'"],
    // 'strict-dynamic' lets Next's nonce'd bootstrap load its chunks; dev needs eval for HMR.
    "script-src": ["'self'", `'nonce-${input.nonce}'`, "'strict-dynamic'", ...(input.dev ? ["'unsafe-eval'"] : [])],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
    "font-src": ["'self'", "data:"],
    "connect-src": ["'self'", ...realtimeSources(input.realtime), ...(input.dev ? ["ws:"] : [])],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(" ")}`)
    .join("; ");
}
