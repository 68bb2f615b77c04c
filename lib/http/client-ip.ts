// The client address that per-IP limits count, taken only from a hop the deployment trusts. The
// first X-Forwarded-For entry is whatever the client wrote there, so it is never used as such.
import { isIP } from "node:net";
import { env } from "@/lib/env";
import { log } from "@/lib/log";

export const UNKNOWN_IP = "unknown";

const valid = (value: string | undefined): string | null => {
  const address = value?.trim() ?? "";
  return isIP(address) ? address : null;
};

let warned = false;

/**
 * On Vercel (`VERCEL=1`) the platform's own `x-vercel-forwarded-for` / `x-real-ip`. Elsewhere,
 * with `TRUSTED_PROXY_HOPS=n`, the n-th X-Forwarded-For entry from the right: the address the
 * outermost of the n trusted proxies saw. With 0 (the default) every client is "unknown": Next's
 * route handlers do not expose the socket peer, and Next copies it into X-Forwarded-For only when
 * the client sent none, so that header cannot be told apart from a forged one.
 */
export function clientIp(headers: Headers): string {
  const e = env();
  if (e.VERCEL) {
    return valid(headers.get("x-vercel-forwarded-for")?.split(",")[0]) ?? valid(headers.get("x-real-ip") ?? undefined) ?? UNKNOWN_IP;
  }
  if (e.TRUSTED_PROXY_HOPS === 0) {
    if (!warned && e.NODE_ENV === "production") {
      warned = true;
      log.warn({ event: "client_ip.untrusted" }, "TRUSTED_PROXY_HOPS is 0: every client shares one per-IP sign-in limit (docs/DEPLOY.md)");
    }
    return UNKNOWN_IP;
  }
  const hops = (headers.get("x-forwarded-for") ?? "").split(",");
  return hops.length >= e.TRUSTED_PROXY_HOPS ? (valid(hops[hops.length - e.TRUSTED_PROXY_HOPS]) ?? UNKNOWN_IP) : UNKNOWN_IP;
}
