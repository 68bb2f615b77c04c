// Structured logs: the route handlers run in a child process with the production logger on
// stdout; every line must be JSON, request lines must carry the documented fields, and no line
// may contain message content.
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { sendMessage } from "@/lib/chat/send";
import { makeRoom, makeUser } from "@/tests/support/factories";
import { delivered } from "@/tests/support/delivered";
import { testVapidEnv } from "@/tests/support/vapid";

const run = promisify(execFile);
const SECRET = `secret-content-${crypto.randomUUID()}`;
const SECRET_REST = `rest-secret-${crypto.randomUUID()}`;

type Line = Record<string, unknown>;

describe("log lines", () => {
  let lines: Line[] = [];
  let raw = "";
  let statuses: number[] = [];

  beforeAll(async () => {
    const [admin, user, other] = await Promise.all([makeUser({ role: "ADMIN" }), makeUser(), makeUser()]);
    const roomId = (await makeRoom([user.id, other.id])).id;
    const sent = await delivered(sendMessage({ userId: user.id, roomId, content: SECRET, clientId: crypto.randomUUID() }));
    const asAdmin = { ...admin, role: "ADMIN" as const };
    const calls = [
      { route: "admin/overview", method: "GET", path: "/api/admin/overview", params: {}, caller: null },
      { route: "admin/overview", method: "GET", path: "/api/admin/overview", params: {}, caller: user },
      { route: "admin/rooms/[roomId]", method: "GET", path: `/api/admin/rooms/${roomId}`, params: { roomId: String(roomId) }, caller: asAdmin },
      {
        route: "admin/messages/[messageId]",
        method: "DELETE",
        path: `/api/admin/messages/${sent.message.id}`,
        params: { messageId: String(sent.message.id) },
        caller: asAdmin,
      },
      {
        route: "chat/rooms/[roomId]/messages",
        method: "POST",
        path: `/api/chat/rooms/${roomId}/messages`,
        params: { roomId: String(roomId) },
        caller: user,
        json: { content: SECRET_REST, client_id: crypto.randomUUID() },
      },
      // next-auth's endpoints and the channel authorizations go through the same door.
      {
        route: "auth/[...nextauth]",
        method: "GET",
        path: "/api/auth/callback/credentials",
        params: { nextauth: ["callback", "credentials"] },
        caller: null,
      },
      { route: "pusher/auth", method: "POST", path: "/api/pusher/auth", params: {}, caller: null },
      { route: "pusher/user-auth", method: "POST", path: "/api/pusher/user-auth", params: {}, caller: user, json: { socket_id: "1.1" } },
    ];
    const script = path.join(process.cwd(), "tests", "integration", "admin", "support", "run-routes.ts");
    const child = await run(process.execPath, ["--conditions=react-server", "--import", "tsx", script, JSON.stringify(calls)], {
      cwd: process.cwd(),
      env: {
        PATH: process.env.PATH,
        NODE_ENV: "production",
        TRUSTED_PROXY_HOPS: "0",
        MARKETPLACE_API_TOKEN: `logging-test-${crypto.randomUUID()}`,
        SMTP_URL: "smtp://127.0.0.1:1",
        MAIL_FROM: "JobChat <no-reply@jobs.example>",
        ...testVapidEnv(),
        LOG_LEVEL: "info",
        DATABASE_URL: inject("databaseUrl"),
        NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET,
        // Production refuses missing or default realtime credentials (lib/env-production.ts).
        PUSHER_APP_ID: "logging-test",
        PUSHER_KEY: crypto.randomUUID(),
        PUSHER_SECRET: crypto.randomUUID(),
        // Publishing fails at once (nothing listens there): its failure is logged too.
        PUSHER_HOST: "127.0.0.1",
        PUSHER_PORT: "9",
      },
      timeout: 60_000,
    });
    statuses = JSON.parse(/RESULTS (.*)/.exec(child.stderr)?.[1] ?? "[]").map((r: { status: number }) => r.status);
    raw = child.stdout;
    lines = raw
      .split("\n")
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Line);
  }, 90_000);

  it("ran the calls: 401, 404, 200, 200, 201, 400, 401, 200", () => {
    expect(statuses).toEqual([401, 404, 200, 200, 201, 400, 401, 200]);
  });

  it("every line is one JSON object with level, time and service", () => {
    expect(lines.length).toBeGreaterThanOrEqual(5);
    for (const line of lines) expect(line).toMatchObject({ level: expect.any(Number), time: expect.any(String), service: "jobchat" });
  });

  it("one request line per call, with request_id, route, user_id, status and duration_ms", () => {
    const requests = lines.filter((l) => l.event === "http.request");
    expect(requests.map((l) => [l.route, l.status])).toEqual([
      ["GET /api/admin/overview", 401],
      ["GET /api/admin/overview", 404],
      ["GET /api/admin/rooms/{id}", 200],
      ["DELETE /api/admin/messages/{id}", 200],
      ["POST /api/chat/rooms/{id}/messages", 201],
      ["GET /api/auth/{nextauth}", 400],
      ["POST /api/pusher/auth", 401],
      ["POST /api/pusher/user-auth", 200],
    ]);
    for (const l of requests) {
      expect(l.request_id).toMatch(/^[0-9a-f-]{36}$/);
      expect(typeof l.duration_ms).toBe("number");
      expect(l).toHaveProperty("user_id");
    }
    expect(requests[0].user_id).toBeNull();
    expect(requests[2].user_id).toEqual(expect.any(Number));
    expect(requests.at(-1)?.user_id).toEqual(expect.any(Number));
  });

  it("the moderation action is logged with who did what to which target", () => {
    const audit = lines.find((l) => l.event === "admin.audit");
    expect(audit).toMatchObject({ action: "message.delete", target_type: "message", target_id: expect.any(Number), user_id: expect.any(Number) });
  });

  it("a publish that fails is logged with its kind, size, duration and error", () => {
    const publishes = lines.filter((l) => l.event === "realtime.publish");
    expect(publishes.length).toBeGreaterThanOrEqual(2);
    for (const l of publishes) {
      expect(l).toMatchObject({ kind: expect.any(String), events: expect.any(Number), duration_ms: expect.any(Number), error: expect.any(String) });
    }
    expect(publishes.map((l) => l.kind)).toEqual(expect.arrayContaining(["message.deleted", "message.created"]));
  });

  it("no line contains message content, even when the response did", () => {
    expect(raw).not.toContain(SECRET);
    expect(raw).not.toContain(SECRET_REST);
    expect(raw).not.toContain("secret-content");
  });
});
