// The session cookie next-auth sets with our options, through its own sign-in flow (CSRF token,
// then the credentials callback): HttpOnly and SameSite=Lax always; Secure, with the
// __Secure-/__Host- name prefixes, exactly when NEXTAUTH_URL is https (next-auth's
// useSecureCookies default, which lib/auth/options.ts leaves alone). The browser test
// (tests/e2e/security.spec.ts) sees the http case end to end; a deployment runs the https one.
import bcrypt from "bcryptjs";
import NextAuth from "next-auth";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { authOptions } from "@/lib/auth/options";
import { db } from "@/lib/db";
import { makeUser } from "@/tests/support/factories";

const PASSWORD = "correct horse battery";
let email = "";

beforeAll(async () => {
  const user = await makeUser({ passwordHash: await bcrypt.hash(PASSWORD, 10) });
  email = (await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { email: true } })).email;
});

const originalUrl = process.env.NEXTAUTH_URL;
afterEach(() => {
  if (originalUrl === undefined) delete process.env.NEXTAUTH_URL;
  else process.env.NEXTAUTH_URL = originalUrl;
});

type Answer = { status: number; setCookies: string[]; body: unknown };

/** Calls next-auth's request handler (its pages-API form: same core, same cookie serializer). */
async function nextAuth(path: string[], method: "GET" | "POST", cookies: Record<string, string>, body?: Record<string, string>): Promise<Answer> {
  const headers = new Map<string, string | string[]>();
  const answer: Answer = { status: 200, setCookies: [], body: undefined };
  const res = {
    status(code: number) {
      answer.status = code;
      return res;
    },
    setHeader(name: string, value: string | string[]) {
      headers.set(name.toLowerCase(), value);
      return res;
    },
    getHeader: (name: string) => headers.get(name.toLowerCase()),
    send(value: unknown) {
      answer.body = value;
    },
    json(value: unknown) {
      answer.body = value;
    },
    end() {},
  };
  const req = { query: { nextauth: path }, method, headers: { host: "chat.example.com" }, cookies, body };
  // biome-ignore lint/suspicious/noExplicitAny: next-auth's pages-API overload takes Next's request/response types; these stand-ins carry what it reads
  await (NextAuth as any)(req, res, authOptions);
  const raw = headers.get("set-cookie") ?? [];
  answer.setCookies = Array.isArray(raw) ? raw : [raw];
  return answer;
}

const cookieNamed = (setCookies: string[], name: string) => setCookies.find((c) => c.startsWith(`${name}=`));
const attributes = (setCookie: string) =>
  setCookie
    .split(";")
    .slice(1)
    .map((a) => a.trim().toLowerCase());

async function signIn(): Promise<string[]> {
  const secure = process.env.NEXTAUTH_URL?.startsWith("https://");
  const csrfName = `${secure ? "__Host-" : ""}next-auth.csrf-token`;
  const csrf = await nextAuth(["csrf"], "GET", {});
  const csrfCookie = cookieNamed(csrf.setCookies, csrfName);
  expect(csrfCookie, `${csrfName} in ${csrf.setCookies.join(" | ")}`).toBeDefined();
  const csrfValue = decodeURIComponent(csrfCookie!.split(";")[0].slice(csrfName.length + 1));
  const { csrfToken } = csrf.body as { csrfToken: string };
  const callback = await nextAuth(
    ["callback", "credentials"],
    "POST",
    { [csrfName]: csrfValue },
    { csrfToken, email, password: PASSWORD, json: "true" },
  );
  expect(callback.status).toBe(200);
  return [...csrf.setCookies, ...callback.setCookies];
}

describe("session cookie flags", () => {
  it("https NEXTAUTH_URL: __Secure-next-auth.session-token, HttpOnly, Secure, SameSite=Lax", async () => {
    process.env.NEXTAUTH_URL = "https://chat.example.com";
    const cookies = await signIn();
    const session = cookieNamed(cookies, "__Secure-next-auth.session-token");
    expect(session, cookies.join(" | ")).toBeDefined();
    expect(attributes(session!)).toEqual(expect.arrayContaining(["httponly", "secure", "samesite=lax", "path=/"]));
    expect(cookieNamed(cookies, "next-auth.session-token")).toBeUndefined();
    // Every cookie next-auth sets is Secure then (the CSRF one also host-only, __Host-).
    for (const cookie of cookies) expect(attributes(cookie), cookie).toContain("secure");
    expect(attributes(cookieNamed(cookies, "__Host-next-auth.csrf-token")!)).toEqual(expect.arrayContaining(["httponly", "samesite=lax"]));
  });

  it("http NEXTAUTH_URL (local): next-auth.session-token, HttpOnly, SameSite=Lax, not Secure", async () => {
    process.env.NEXTAUTH_URL = "http://localhost:3000";
    const cookies = await signIn();
    const session = cookieNamed(cookies, "next-auth.session-token");
    expect(session, cookies.join(" | ")).toBeDefined();
    expect(attributes(session!)).toEqual(expect.arrayContaining(["httponly", "samesite=lax", "path=/"]));
    expect(attributes(session!)).not.toContain("secure");
  });
});
