// The REST door: every route handler is wrapped here for auth, cross-site checks, error
// mapping, one structured log line and metrics per request.
import { randomUUID } from "node:crypto";
import { NextResponse, type NextRequest } from "next/server";
import type { z } from "zod";
import { userFromRequest } from "@/lib/auth/session";
import type { SessionUser } from "@/lib/auth/credentials";
import { AppError, HTTP_STATUS, isDatabaseUnavailable, toWireError } from "@/lib/errors";
import { log } from "@/lib/log";
import { metrics } from "@/lib/metrics";
import { isCrossSite } from "@/lib/http/same-origin";

export const MAX_BODY_BYTES = 64 * 1024;

type Context<P> = { params: Promise<P> };
type Handler<P> = (args: { request: NextRequest; user: SessionUser; params: P }) => Promise<Response>;
type PublicHandler<P> = (args: { request: NextRequest; params: P }) => Promise<Response>;

export function errorResponse(error: unknown): Response {
  const wire = toWireError(error);
  const headers: Record<string, string> = {};
  if (error instanceof AppError && error.retryAfterSeconds) headers["Retry-After"] = String(error.retryAfterSeconds);
  if (wire.code === "unavailable") headers["Retry-After"] ??= "5";
  return NextResponse.json({ error: wire }, { status: HTTP_STATUS[wire.code], headers });
}

async function run(
  routeName: string,
  request: NextRequest,
  body: (requestId: string) => Promise<{ response: Response; userId?: number }>,
): Promise<Response> {
  const requestId = request.headers.get("x-request-id")?.slice(0, 64) || randomUUID();
  const started = performance.now();
  let response: Response;
  let userId: number | undefined;
  try {
    if (request.method !== "GET" && request.method !== "HEAD" && isCrossSite(request)) {
      throw new AppError("forbidden", "Cross-site request refused");
    }
    ({ response, userId } = await body(requestId));
  } catch (error) {
    response = errorResponse(error);
    if (request.signal.aborted) {
      // The client went away mid-request (a closed tab): nothing failed on our side.
      log.info({ event: "http.aborted", request_id: requestId, route: routeName }, "client aborted");
    } else if (!(error instanceof AppError)) {
      log.error(
        { event: "http.error", request_id: requestId, route: routeName, unavailable: isDatabaseUnavailable(error), error: String(error) },
        "request failed",
      );
    }
  }
  const ms = performance.now() - started;
  metrics.httpResponses.inc({ route: routeName, status: String(response.status) });
  metrics.httpDuration.observe({ route: routeName }, ms / 1000);
  log.info(
    { event: "http.request", request_id: requestId, method: request.method, route: routeName, user_id: userId ?? null, status: response.status, duration_ms: Math.round(ms) },
    "request",
  );
  response.headers.set("x-request-id", requestId);
  return response;
}

/** A route that needs a signed-in, active user (401 otherwise). */
export function authedRoute<P = Record<string, never>>(routeName: string, handler: Handler<P>) {
  return (request: NextRequest, context: Context<P>) =>
    run(routeName, request, async () => {
      const user = await userFromRequest(request);
      if (!user) {
        log.info({ event: "auth.failure", route: routeName, reason: "no_session" }, "unauthenticated request");
        throw new AppError("unauthorized", "Sign in required");
      }
      const params = await context.params;
      return { response: await handler({ request, user, params }), userId: user.id };
    });
}

export function publicRoute<P = Record<string, never>>(routeName: string, handler: PublicHandler<P>) {
  return (request: NextRequest, context: Context<P>) =>
    run(routeName, request, async () => ({ response: await handler({ request, params: await context.params }) }));
}

/** Parses a JSON body with a size cap applied before parsing. */
export async function readJson<S extends z.ZodType>(request: Request, schema: S): Promise<z.infer<S>> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/json\b/i.test(type)) throw new AppError("invalid_input", "Content-Type must be application/json");
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > MAX_BODY_BYTES) throw new AppError("payload_too_large", "Request body too large");
  const text = await readLimited(request, MAX_BODY_BYTES);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new AppError("invalid_input", "Body is not valid JSON");
  }
  return parseWith(schema, value);
}

export function parseWith<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const result = schema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue?.path.length ? `${issue.path.join(".")}: ` : "";
    throw new AppError("invalid_input", `${where}${issue?.message ?? "invalid input"}`);
  }
  return result.data;
}

/** The body as text, refused (413) as soon as it grows past `limit` bytes. */
export async function readLimited(request: Request, limit: number): Promise<string> {
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw new AppError("payload_too_large", "Request body too large");
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

export const json = (data: unknown, status = 200) => NextResponse.json(data, { status });
