// A signed-in user as a browser is one, over real HTTP: next-auth's CSRF token and cookie, the
// credentials callback, then the session cookie on every request. node:http with a keep-alive
// agent, as a browser keeps its connection (and it costs the measuring process less than fetch).
import http from "node:http";

export type Reply = { status: number; headers: http.IncomingHttpHeaders; body: string };

export function httpAgent(maxSockets: number): http.Agent {
  return new http.Agent({ keepAlive: true, maxSockets });
}

export function send(agent: http.Agent, url: string, init: { method: string; headers?: Record<string, string>; body?: string }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method: init.method, agent, headers: init.headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () =>
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString("utf8") }),
      );
      response.on("error", reject);
    });
    request.on("error", reject);
    request.end(init.body);
  });
}

/** name=value of each Set-Cookie header, as a Cookie header carries them. */
function cookiePairs(headers: http.IncomingHttpHeaders): string[] {
  return (headers["set-cookie"] ?? []).map((cookie) => cookie.split(";")[0]);
}

/** Signs in with email and password through next-auth and returns the Cookie header to send. */
export async function signIn(agent: http.Agent, origin: string, email: string, password: string): Promise<string> {
  const csrf = await send(agent, `${origin}/api/auth/csrf`, { method: "GET" });
  if (csrf.status !== 200) throw new Error(`GET /api/auth/csrf: ${csrf.status}`);
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
  const form = new URLSearchParams({ email, password, csrfToken, callbackUrl: origin, json: "true" }).toString();
  const callback = await send(agent, `${origin}/api/auth/callback/credentials`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookiePairs(csrf.headers).join("; ") },
    body: form,
  });
  const session = cookiePairs(callback.headers).find((pair) => pair.startsWith("next-auth.session-token="));
  if (!session || session === "next-auth.session-token=")
    throw new Error(`sign-in of ${email} failed: ${callback.status} ${callback.body.slice(0, 200)}`);
  return session;
}
