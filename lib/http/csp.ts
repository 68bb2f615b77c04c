// The Content-Security-Policy for pages, built per request by proxy.ts: scripts only from this
// app (a per-request nonce for Next's inline bootstrap, 'strict-dynamic' for the chunks it
// loads), connections only to this app and the realtime server, no plugins, no framing.
import type { RealtimeClientConfig } from "@/lib/realtime/client-config";

/** storage: origins of S3-compatible storage the browser PUTs uploads to and loads photos from (lib/storage/origins.ts). */
export type CspInput = { nonce: string; realtime: RealtimeClientConfig; dev: boolean; storage?: string[] };

/**
 * Where pusher-js may connect. A configured host (the embedded server, Soketi): its WebSocket
 * origin, and the TLS one too, because pusher-js switches to wss whenever the page itself is on
 * https. Hosted Pusher: the cluster's socket host and its HTTP fallback (sockjs) host.
 */
export function realtimeSources(config: RealtimeClientConfig): string[] {
  if (config.wsHost) {
    const port = config.wsPort ? `:${config.wsPort}` : "";
    const schemes = config.forceTLS ? ["wss", "https"] : ["ws", "http", "wss", "https"];
    return schemes.map((scheme) => `${scheme}://${config.wsHost}${port}`);
  }
  return [`wss://ws-${config.cluster}.pusher.com`, `https://sockjs-${config.cluster}.pusher.com`];
}

export function contentSecurityPolicy({ nonce, realtime, dev, storage = [] }: CspInput): string {
  const directives: Array<[string, string[]]> = [
    ["default-src", ["'self'"]],
    // 'strict-dynamic': scripts the nonce'd bootstrap loads are trusted, and 'self' is ignored by
    // browsers that understand it. React needs eval in development only (its error stacks).
    ["script-src", ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(dev ? ["'unsafe-eval'"] : [])]],
    // Styles: Tailwind is one stylesheet from 'self', and the production pages have no inline
    // style (React sets style props through the CSSOM, which the policy does not govern); any
    // <style> Next.js renders carries the nonce. Development needs 'unsafe-inline': the dev
    // overlay and hot reloading inject <style> elements without it (verified: dozens of
    // violations under `next dev` with the nonce alone). A nonce would disable 'unsafe-inline'
    // in browsers that know nonces, so development gets the one and production the other.
    ["style-src", ["'self'", dev ? "'unsafe-inline'" : `'nonce-${nonce}'`]],
    ["img-src", ["'self'", "data:", "blob:", ...storage]],
    ["font-src", ["'self'"]],
    ["connect-src", ["'self'", ...realtimeSources(realtime), ...storage]],
    // The Web Push service worker (public/sw.js): workers would otherwise fall back to
    // script-src, where 'strict-dynamic' ignores 'self'.
    ["worker-src", ["'self'"]],
    ["object-src", ["'none'"]],
    ["base-uri", ["'self'"]],
    ["form-action", ["'self'"]],
    ["frame-ancestors", ["'none'"]],
  ];
  return directives.map(([name, values]) => `${name} ${values.join(" ")}`).join("; ");
}

/** 128 random bits, base64: unguessable, and in the alphabet CSP allows for a nonce. */
export function createNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}
