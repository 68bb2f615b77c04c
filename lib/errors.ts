// One error type for expected failures, with one mapping to HTTP status and wire shape.
export type ErrorCode =
  | "unauthorized"
  | "forbidden"
  | "not_found"
  | "invalid_input"
  | "conflict"
  | "payload_too_large"
  | "unsupported_type"
  | "unprocessable"
  | "rate_limited"
  | "unavailable"
  | "internal";

export const HTTP_STATUS: Record<ErrorCode, number> = {
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  invalid_input: 400,
  conflict: 409,
  payload_too_large: 413,
  unsupported_type: 415,
  unprocessable: 422,
  rate_limited: 429,
  unavailable: 503,
  internal: 500,
};

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = "AppError";
  }
}

export type WireError = { code: ErrorCode; message: string };
export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: WireError };

export const notFound = (what = "Not found") => new AppError("not_found", what);
export const invalidInput = (message: string) => new AppError("invalid_input", message);

/** PostgreSQL/driver failures that mean "the database is unreachable right now". */
export function isDatabaseUnavailable(error: unknown): boolean {
  const e = (error ?? {}) as { code?: unknown; message?: unknown; cause?: { originalCode?: unknown; kind?: unknown } | null };
  // A driver adapter error that Prisma passes on as is (inside a transaction) keeps PostgreSQL's
  // code and the adapter's kind in its cause: "terminating connection due to administrator
  // command" alone says neither.
  const text = [e.code, e.message, e.cause?.originalCode, e.cause?.kind].map((part) => String(part ?? "")).join(" ");
  // Raw queries ($queryRaw, P2010) carry the driver's words, not a P1xxx code: "Can't reach
  // database server" while it is down, "Server has closed the connection" as it stops, pg's
  // "not queryable" on a connection that just died. A transaction that cannot get a connection
  // in time (P2028, like P2024 for a single query) is the pool being exhausted: retry later.
  return /ECONNREFUSED|ECONNRESET|ETIMEDOUT|57P01|57P03|08006|08001|Connection terminated|connection.*closed|DatabaseNotReachable|ConnectionClosed|SocketTimeout|P1001|P1017|P2024|Can't reach database server|closed the connection|not queryable|Unable to start a transaction in the given time/i.test(
    text,
  );
}

/** Maps anything thrown to the public error; the cause is never shown to a user. */
export function toWireError(error: unknown): WireError {
  if (error instanceof AppError) return { code: error.code, message: error.message };
  if (isDatabaseUnavailable(error)) return { code: "unavailable", message: "The service is temporarily unavailable. Please retry." };
  return { code: "internal", message: "Something went wrong." };
}
