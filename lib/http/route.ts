// The REST door: every route handler is wrapped here for auth, cross-site checks, error
// mapping, one structured log line and metrics per request (lib/http/door.ts), and the realtime
// events of what it changed, published after commit (`emit`).
import "server-only";
import { NextResponse, type NextRequest } from "next/server";
import { assertNotSuspended, userFromRequest } from "@/lib/auth/session";
import type { SessionUser } from "@/lib/auth/credentials";
import { AppError, HTTP_STATUS, toWireError } from "@/lib/errors";
import { log } from "@/lib/log";
import { type Door, openDoor } from "@/lib/http/door";
import { isCrossSite } from "@/lib/http/same-origin";

type Context<P> = { params: Promise<P> };
type Emit = Door["emit"];
type Handler<P> = (args: { request: NextRequest; user: SessionUser; params: P; emit: Emit }) => Promise<Response>;
type PublicHandler<P> = (args: { request: NextRequest; params: P; emit: Emit }) => Promise<Response>;
/** sameOrigin: false for next-auth's endpoints, which check their own CSRF token. */
type RouteOptions = { sameOrigin?: boolean };

export function errorResponse(error: unknown): Response {
  const wire = toWireError(error);
  const headers: Record<string, string> = {};
  if (error instanceof AppError && error.retryAfterSeconds) headers["Retry-After"] = String(error.retryAfterSeconds);
  if (wire.code === "unavailable") headers["Retry-After"] ??= "5";
  return NextResponse.json({ error: wire }, { status: HTTP_STATUS[wire.code], headers });
}

async function run(routeName: string, request: NextRequest, body: (door: Door) => Promise<Response>, options: RouteOptions = {}): Promise<Response> {
  const door = openDoor("http", routeName, request.headers.get("x-request-id"));
  let response: Response;
  try {
    if (options.sameOrigin !== false && request.method !== "GET" && request.method !== "HEAD" && isCrossSite(request)) {
      throw new AppError("forbidden", "Cross-site request refused");
    }
    response = await body(door);
  } catch (error) {
    door.fail(error, request.signal.aborted);
    response = errorResponse(error);
  }
  await door.deliver();
  door.finish(response.status, { method: request.method });
  response.headers.set("x-request-id", door.requestId);
  return response;
}

/** A route that needs a signed-in, active user (401 otherwise). */
export function authedRoute<P = Record<string, never>>(routeName: string, handler: Handler<P>) {
  return (request: NextRequest, context: Context<P>) =>
    run(routeName, request, async (door) => {
      const user = await userFromRequest(request);
      if (!user) {
        log.info({ event: "auth.failure", route: routeName, reason: "no_session" }, "unauthenticated request");
        throw new AppError("unauthorized", "Sign in required");
      }
      door.setUser(user.id);
      assertNotSuspended(user, request.method === "GET" || request.method === "HEAD" ? "read" : "write");
      const params = await context.params;
      return handler({ request, user, params, emit: door.emit });
    });
}

export function publicRoute<P = Record<string, never>>(routeName: string, handler: PublicHandler<P>, options?: RouteOptions) {
  return (request: NextRequest, context: Context<P>) =>
    run(routeName, request, async (door) => handler({ request, params: await context.params, emit: door.emit }), options);
}

export const json = (data: unknown, status = 200) => NextResponse.json(data, { status });
