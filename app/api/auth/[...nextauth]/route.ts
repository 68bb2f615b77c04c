// /api/auth/*: next-auth's standard endpoints (csrf, callback/credentials, session, signout).
// Password sign-ins go through the sign-in limits (lib/auth/sign-in-limit.ts) on every path
// next-auth answers as one. next-auth reads a body of any size and answers some malformed
// requests with a 500 of its own (a JSON body that does not parse, a callbackUrl it refuses):
// those get a 4xx here first.
import NextAuth from "next-auth";
import { NextRequest } from "next/server";
import { authOptions } from "@/lib/auth/options";
import { isCredentialsCallback, limitSignIn } from "@/lib/auth/sign-in-limit";
import { AppError } from "@/lib/errors";
import { MAX_BODY_BYTES, readLimited } from "@/lib/http/parse";
import { publicRoute } from "@/lib/http/route";

const handler = NextAuth(authOptions);

/** next-auth's own test (core/lib/assert.ts): an absolute http(s) URL, or a path on this site. */
function isValidCallbackUrl(url: string): boolean {
  try {
    return /^https?:/.test(new URL(url, url.startsWith("/") ? "http://localhost" : undefined).protocol);
  } catch {
    return false;
  }
}

function checkCallbackUrls(request: NextRequest, body?: unknown): void {
  const fromBody = body && typeof body === "object" ? (body as { callbackUrl?: unknown }).callbackUrl : undefined;
  if (fromBody !== undefined && typeof fromBody !== "string") throw new AppError("invalid_input", "Invalid callback URL");
  const urls = [
    fromBody,
    request.nextUrl.searchParams.get("callbackUrl"),
    ...request.cookies
      .getAll()
      .filter((c) => c.name.endsWith("next-auth.callback-url"))
      .map((c) => c.value),
  ];
  for (const url of urls) {
    if (url && !isValidCallbackUrl(url)) throw new AppError("invalid_input", "Invalid callback URL");
  }
}

/**
 * The body read once under the size cap and parsed as next-auth will parse it (next/utils
 * getBody: JSON when the type names it, else a form, else nothing): a JSON body must parse, and
 * its callbackUrl, like the query's, must be one next-auth accepts.
 */
async function bufferedBody(request: NextRequest): Promise<{ buffered: NextRequest; body: unknown }> {
  if (Number(request.headers.get("content-length") ?? 0) > MAX_BODY_BYTES) throw new AppError("payload_too_large", "Request body too large");
  const text = await readLimited(request, MAX_BODY_BYTES);
  const type = request.headers.get("content-type") ?? "";
  let body: unknown;
  if (type.includes("application/json")) {
    try {
      body = JSON.parse(text);
    } catch {
      throw new AppError("invalid_input", "Body is not valid JSON");
    }
  } else if (type.includes("application/x-www-form-urlencoded")) {
    body = Object.fromEntries(new URLSearchParams(text));
  }
  checkCallbackUrls(request, body);
  return { buffered: new NextRequest(request.url, { method: request.method, headers: request.headers, body: text }), body };
}

type Params = { nextauth: string[] };
const nextAuthContext = (params: Params) => ({ params: Promise.resolve(params) });

// Through the same door as every route (one log line, metrics, error mapping); next-auth checks
// its own CSRF token, so the door's cross-site refusal is off here as it always was.
export const GET = publicRoute<Params>(
  "GET /api/auth/{nextauth}",
  async ({ request, params }) => {
    checkCallbackUrls(request);
    // next-auth answers a credentials callback by GET with a 500; only a POST can sign in.
    if (isCredentialsCallback(params.nextauth)) throw new AppError("invalid_input", "Sign in with POST");
    return handler(request, nextAuthContext(params));
  },
  { sameOrigin: false },
);

export const POST = publicRoute<Params>(
  "POST /api/auth/{nextauth}",
  async ({ request, params }) => {
    const parsed = await bufferedBody(request);
    if (!isCredentialsCallback(params.nextauth)) return handler(parsed.buffered, nextAuthContext(params));
    // A database too busy or down to count the attempt: 503 with Retry-After (the door's mapping).
    return limitSignIn(request.headers, parsed.body, () => handler(parsed.buffered, nextAuthContext(params)));
  },
  { sameOrigin: false },
);
