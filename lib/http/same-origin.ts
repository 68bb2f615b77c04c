// Cross-site request rejection for mutations: a browser always sends Origin on a cross-origin
// POST, and Sec-Fetch-Site where supported. Non-browser clients (no Origin) carry no ambient
// cookies from another site, so they pass.
export function isCrossSite(request: Request): boolean {
  const site = request.headers.get("sec-fetch-site");
  if (site === "cross-site") return true;
  const origin = request.headers.get("origin");
  if (!origin) return false;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}
