// First gate for the admin area (Next 16's proxy, formerly middleware): signed-out visitors go
// to /login (API callers get 401), signed-in non-admins get a 404 and no admin data. The role is
// the one in the session token; every admin page, action and route checks again against the
// database (lib/admin/page.ts, lib/admin/route.ts, lib/admin/guard.ts).
import { NextResponse } from "next/server";
import { withAuth } from "next-auth/middleware";
import { env } from "@/lib/env";

const isApi = (pathname: string) => pathname.startsWith("/api/");
const apiError = (status: 401 | 404, code: "unauthorized" | "not_found", message: string) =>
  NextResponse.json({ error: { code, message } }, { status });

export default withAuth(
  function proxy(request) {
    const { token } = request.nextauth;
    const api = isApi(request.nextUrl.pathname);
    if (!token) return apiError(401, "unauthorized", "Sign in required");
    if (token.role !== "ADMIN") {
      // A rewrite to a path with no route renders the app's 404 page with status 404.
      return api ? apiError(404, "not_found", "Not found") : NextResponse.rewrite(new URL("/404", request.url));
    }
    return NextResponse.next();
  },
  {
    secret: env().NEXTAUTH_SECRET,
    pages: { signIn: "/login" },
    // Pages without a session are redirected to /login by withAuth; API calls reach the function above.
    callbacks: { authorized: ({ token, req }) => token !== null || isApi(req.nextUrl.pathname) },
  },
);

export const config = { matcher: ["/admin/:path*", "/api/admin/:path*"] };
