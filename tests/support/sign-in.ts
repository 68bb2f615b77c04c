// Password sign-ins through next-auth's real route handler in-process (app/api/auth/[...nextauth]),
// inside Next's request scope, with a real CSRF token and cookie from next-auth's own csrf route.
import { inNextScope } from "@/tests/support/next-scope";
import { GET, POST } from "@/app/api/auth/[...nextauth]/route";
import { request } from "@/tests/support/http";

export type Csrf = { token: string; cookie: string };

export async function csrfPair(): Promise<Csrf> {
  const { value } = await inNextScope(async () => {
    const response = await GET(await request(null, "GET", "/api/auth/csrf"), { params: Promise.resolve({ nextauth: ["csrf"] }) });
    return { json: (await response.json()) as { csrfToken: string }, cookie: response.headers.get("set-cookie") ?? "" };
  });
  return { token: value.json.csrfToken, cookie: value.cookie.split(";")[0] };
}

export type Attempt = {
  email: unknown;
  password: string;
  csrf: Csrf;
  /** Path segments after /api/auth (default callback/credentials). */
  path?: string[];
  json?: boolean;
  headers?: Record<string, string>;
};

/** What the caller saw: the status, Retry-After, and whether a session cookie came back. */
export type AttemptResult = {
  status: number;
  retryAfter: number | null;
  signedIn: boolean;
  sessionCookie: string | null;
  /** next-auth's `?error=` for a refused sign-in (the JSON answer's url, or the redirect's). */
  error: string | null;
};

export async function attemptSignIn(attempt: Attempt): Promise<AttemptResult> {
  const segments = attempt.path ?? ["callback", "credentials"];
  const fields = { email: attempt.email, password: attempt.password, csrfToken: attempt.csrf.token, callbackUrl: "/", json: "true" };
  const headers: Record<string, string> = { cookie: attempt.csrf.cookie, ...attempt.headers };
  const init = attempt.json
    ? { json: fields, headers }
    : {
        body: new URLSearchParams(Object.entries(fields).map(([k, v]) => [k, String(v)])).toString(),
        headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
      };
  const req = await request(null, "POST", `/api/auth/${segments.join("/")}`, init);
  const { value } = await inNextScope(
    async () => {
      const response = await POST(req, { params: Promise.resolve({ nextauth: segments }) });
      const text = await response.text();
      return { response, text };
    },
    { headers: Object.fromEntries(req.headers), pathname: req.nextUrl.pathname },
  );
  const { response, text } = value;
  const retryAfter = response.headers.get("retry-after");
  let url = response.headers.get("location");
  try {
    url = (JSON.parse(text) as { url?: string }).url ?? url;
  } catch {
    // Not JSON: a redirect or an empty answer.
  }
  return {
    status: response.status,
    retryAfter: retryAfter === null ? null : Number(retryAfter),
    signedIn: /next-auth\.session-token=[^;]/.test(response.headers.get("set-cookie") ?? ""),
    sessionCookie: /next-auth\.session-token=[^;]+/.exec(response.headers.get("set-cookie") ?? "")?.[0] ?? null,
    error: url ? new URL(url, "http://localhost").searchParams.get("error") : null,
  };
}
