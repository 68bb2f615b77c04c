// Next 16's proxy (formerly middleware), for every page and the admin API:
// - every page gets a Content-Security-Policy with a fresh nonce (lib/http/csp.ts). Next reads
//   the nonce from the request's policy header and puts it on its own scripts; that is why the
//   root layout renders every page per request.
// - a cross-site POST to a page (a server action from another site) is refused with a 403 here,
//   before Next's own origin check would answer it with a 500.
// - the admin area's first gate: signed-out visitors go to /login (API callers get 401),
//   signed-in non-admins get a 404 and no admin data. The role is the one in the session token;
//   every admin page, action and route checks again against the database (lib/admin/page.ts,
//   lib/admin/route.ts, lib/admin/guard.ts).
import { type NextFetchEvent, type NextRequest, NextResponse } from "next/server";
import { type NextRequestWithAuth, withAuth } from "next-auth/middleware";
import { env } from "@/lib/env";
import { contentSecurityPolicy, createNonce } from "@/lib/http/csp";
import { isCrossSite } from "@/lib/http/same-origin";
import { realtimeClientConfig } from "@/lib/realtime/client-config";
import { storageOrigins } from "@/lib/storage/origins";

const isApi = (pathname: string) => pathname.startsWith("/api/");
const isAdminArea = (pathname: string) => /^\/(api\/)?admin(\/|$)/.test(pathname);
const apiError = (status: 401 | 403 | 404, code: "unauthorized" | "forbidden" | "not_found", message: string) =>
  NextResponse.json({ error: { code, message } }, { status });

/** Lets the request through (or rewrites it), with the page's policy on request and response. */
function forward(request: NextRequest, rewriteTo?: URL): NextResponse {
  if (isApi(request.nextUrl.pathname)) return rewriteTo ? NextResponse.rewrite(rewriteTo) : NextResponse.next();
  const e = env();
  const policy = contentSecurityPolicy({
    nonce: createNonce(),
    realtime: realtimeClientConfig(),
    dev: e.NODE_ENV === "development",
    storage: storageOrigins(e),
  });
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", policy);
  const init = { request: { headers } };
  const response = rewriteTo ? NextResponse.rewrite(rewriteTo, init) : NextResponse.next(init);
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

function pass(request: NextRequest): NextResponse {
  if (request.method === "POST" && !isApi(request.nextUrl.pathname) && isCrossSite(request)) {
    return apiError(403, "forbidden", "Cross-site request refused");
  }
  return forward(request);
}

// Built on first use, not at import: with a production configuration on development defaults
// env() refuses, and that must fail the pages, not every request (GET /api/health explains it).
function createAdminGate() {
  return withAuth(
    function gate(request) {
      const { token } = request.nextauth;
      const api = isApi(request.nextUrl.pathname);
      if (!token) return apiError(401, "unauthorized", "Sign in required");
      if (token.role !== "ADMIN") {
        // A rewrite to a path with no route renders the app's 404 page with status 404.
        return api ? apiError(404, "not_found", "Not found") : forward(request, new URL("/404", request.url));
      }
      return pass(request);
    },
    {
      secret: env().NEXTAUTH_SECRET,
      pages: { signIn: "/login" },
      // Pages without a session are redirected to /login by withAuth; API calls reach the function above.
      callbacks: { authorized: ({ token, req }) => token !== null || isApi(req.nextUrl.pathname) },
    },
  );
}

let adminGate: ReturnType<typeof createAdminGate> | undefined;

export default function proxy(request: NextRequest, event: NextFetchEvent) {
  if (isAdminArea(request.nextUrl.pathname)) {
    adminGate ??= createAdminGate();
    return adminGate(request as NextRequestWithAuth, event);
  }
  return pass(request);
}

export const config = {
  matcher: [
    // The admin area, prefetches included: the gate must see every request for it.
    "/admin/:path*",
    "/api/admin/:path*",
    // Every other page; not the rest of the API, static files, or link prefetches (no HTML).
    {
      source: "/((?!api/|_next/static|_next/image|favicon\\.ico|icon\\.svg|icon-\\d+\\.png|apple-touch-icon\\.png|manifest\\.webmanifest|sw\\.js).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
