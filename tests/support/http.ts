// Calling route handlers in-process: a real NextRequest carrying a real next-auth session
// cookie (minted with next-auth's own encoder), so the code under test is the production path.
import { encode } from "next-auth/jwt";
import { NextRequest } from "next/server";

export const BASE = "http://localhost:3000";
const SECRET = () => process.env.NEXTAUTH_SECRET ?? "";

export type Caller = { id: number; username: string; role?: "USER" | "ADMIN" } | null;

export async function sessionCookie(user: NonNullable<Caller>): Promise<string> {
  const token = await encode({
    token: { uid: user.id, username: user.username, role: user.role ?? "USER", name: user.username },
    secret: SECRET(),
  });
  return `next-auth.session-token=${token}`;
}

export async function request(
  caller: Caller,
  method: string,
  path: string,
  init: { json?: unknown; body?: string; headers?: Record<string, string> } = {},
): Promise<NextRequest> {
  const headers: Record<string, string> = { ...init.headers };
  if (caller) headers.cookie = await sessionCookie(caller);
  let body = init.body;
  if (init.json !== undefined) {
    body = JSON.stringify(init.json);
    headers["content-type"] ??= "application/json";
  }
  return new NextRequest(new URL(path, BASE), { method, headers, body });
}

type RouteHandler<P> = (req: NextRequest, ctx: { params: Promise<P> }) => Promise<Response>;

/** Calls a handler like Next does and returns status, headers and parsed JSON (if any). */
export async function call<P>(
  handler: RouteHandler<P>,
  req: NextRequest,
  params: P = {} as P,
  // biome-ignore lint/suspicious/noExplicitAny: assertions read arbitrary paths of the JSON answer
): Promise<{ status: number; headers: Headers; body: any }> {
  const res = await handler(req, { params: Promise.resolve(params) });
  const text = await res.text();
  let body: unknown = null;
  if (text) {
    try {
      body = JSON.parse(text);
    } catch {
      body = text;
    }
  }
  return { status: res.status, headers: res.headers, body };
}
