// Who may use the admin doors: every admin route handler × {anonymous, user, deactivated admin,
// admin}, every lib/admin function with a non-admin, and every admin action and page wired to
// the admin check. proxy.ts (the first gate) is exercised by the browser tests.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import type { NextRequest } from "next/server";
import { db } from "@/lib/db";
import { listAudit } from "@/lib/admin/audit";
import { metricsSnapshot } from "@/lib/admin/metrics-snapshot";
import { changeRole, deactivateUser, deleteMessage, reactivateUser } from "@/lib/admin/moderation";
import { getOverview } from "@/lib/admin/overview";
import { getAdminRoom, listAdminRooms } from "@/lib/admin/rooms";
import { changeRoomOwner } from "@/lib/admin/room-owner";
import { listUsers } from "@/lib/admin/users";
import { listOpenReports, openReportCount, resolveReport } from "@/lib/admin/reports";
import { getAdminUserDetail } from "@/lib/admin/user-detail";
import { liftSuspension, suspendUser } from "@/lib/moderation/suspensions";
import { sendMessage } from "@/lib/chat/send";
import { call, request, type Caller } from "@/tests/support/http";
import { makeRoom, makeUser } from "@/tests/support/factories";
import { delivered } from "@/tests/support/delivered";

type Handler = (req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
type Fixture = { userId: number; otherId: number; roomId: number; messageId: number; reportId: number; suspensionId: number };
type Case = {
  file: string;
  method: "GET" | "POST" | "DELETE";
  path: (f: Fixture) => string;
  params: (f: Fixture) => Record<string, string>;
  json?: (f: Fixture) => unknown;
  ok: number;
};

const ADMIN_API = path.join(process.cwd(), "app", "api", "admin");
const user = (f: Fixture) => ({ userId: String(f.userId) });

const CASES: Case[] = [
  { file: "overview", method: "GET", path: () => "/api/admin/overview", params: () => ({}), ok: 200 },
  { file: "users", method: "GET", path: () => "/api/admin/users?q=u_", params: () => ({}), ok: 200 },
  { file: "users/[userId]/deactivate", method: "POST", path: (f) => `/api/admin/users/${f.userId}/deactivate`, params: user, ok: 200 },
  { file: "users/[userId]/reactivate", method: "POST", path: (f) => `/api/admin/users/${f.userId}/reactivate`, params: user, ok: 200 },
  {
    file: "users/[userId]/role",
    method: "POST",
    path: (f) => `/api/admin/users/${f.userId}/role`,
    params: user,
    json: () => ({ role: "ADMIN" }),
    ok: 200,
  },
  { file: "rooms", method: "GET", path: () => "/api/admin/rooms", params: () => ({}), ok: 200 },
  { file: "rooms/[roomId]", method: "GET", path: (f) => `/api/admin/rooms/${f.roomId}`, params: (f) => ({ roomId: String(f.roomId) }), ok: 200 },
  {
    file: "rooms/[roomId]/export",
    method: "GET",
    path: (f) => `/api/admin/rooms/${f.roomId}/export?format=csv`,
    params: (f) => ({ roomId: String(f.roomId) }),
    ok: 200,
  },
  {
    file: "rooms/[roomId]/owner",
    method: "POST",
    path: (f) => `/api/admin/rooms/${f.roomId}/owner`,
    params: (f) => ({ roomId: String(f.roomId) }),
    json: (f) => ({ user_id: f.otherId }),
    ok: 200,
  },
  {
    file: "messages/[messageId]",
    method: "DELETE",
    path: (f) => `/api/admin/messages/${f.messageId}?reason=spam`,
    params: (f) => ({ messageId: String(f.messageId) }),
    ok: 200,
  },
  { file: "audit", method: "GET", path: () => "/api/admin/audit", params: () => ({}), ok: 200 },
  { file: "messages", method: "GET", path: () => "/api/admin/messages?q=hello", params: () => ({}), ok: 200 },
  {
    file: "reports/[reportId]/resolve",
    method: "POST",
    path: (f) => `/api/admin/reports/${f.reportId}/resolve`,
    params: (f) => ({ reportId: String(f.reportId) }),
    json: () => ({ action: "dismiss", note: "access matrix" }),
    ok: 200,
  },
  {
    file: "users/[userId]/suspend",
    method: "POST",
    path: (f) => `/api/admin/users/${f.userId}/suspend`,
    params: user,
    json: () => ({ duration: "24h", note: "access matrix" }),
    ok: 201,
  },
  {
    file: "suspensions/[suspensionId]/lift",
    method: "POST",
    path: (f) => `/api/admin/suspensions/${f.suspensionId}/lift`,
    params: (f) => ({ suspensionId: String(f.suspensionId) }),
    json: () => ({ note: "access matrix" }),
    ok: 200,
  },
];

function routeFiles(dir = ADMIN_API): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return routeFiles(full);
    return name === "route.ts" ? [path.relative(ADMIN_API, dir)] : [];
  });
}

type Role = "anonymous" | "user" | "deactivatedAdmin" | "admin";
const EXPECT: Record<Exclude<Role, "admin">, number> = { anonymous: 401, user: 404, deactivatedAdmin: 401 };

describe("admin route handlers", () => {
  it("lists every admin route handler method", () => {
    const listed = new Set(CASES.map((c) => `${c.method} ${c.file}`));
    for (const file of routeFiles()) {
      const source = readFileSync(path.join(ADMIN_API, file, "route.ts"), "utf8");
      for (const [, method] of source.matchAll(/export const (GET|POST|PUT|PATCH|DELETE)\b/g)) expect(listed).toContain(`${method} ${file}`);
    }
  });

  let callers: Record<Role, Caller>;
  let fixture: Fixture;
  beforeEach(async () => {
    const [plain, deactivatedAdmin, admin, target, other] = await Promise.all([
      makeUser(),
      makeUser({ role: "ADMIN", isActive: false }),
      makeUser({ role: "ADMIN" }),
      makeUser(),
      makeUser(),
    ]);
    const room = await makeRoom([target.id, other.id]);
    const sent = await delivered(sendMessage({ userId: target.id, roomId: room.id, content: "to moderate", clientId: crypto.randomUUID() }));
    callers = { anonymous: null, user: plain, deactivatedAdmin, admin };
    const report = await db.report.create({
      data: { reporterId: other.id, reportedUserId: target.id, messageId: sent.message.id, roomId: room.id, reason: "spam" },
    });
    const suspension = await db.userSuspension.create({ data: { userId: other.id, reason: "access matrix", endsAt: null } });
    fixture = {
      userId: target.id,
      otherId: other.id,
      roomId: room.id,
      messageId: sent.message.id,
      reportId: Number(report.id),
      suspensionId: Number(suspension.id),
    };
  });

  for (const c of CASES) {
    for (const role of ["anonymous", "user", "deactivatedAdmin", "admin"] as const) {
      const expected = role === "admin" ? c.ok : EXPECT[role];
      it(`${c.method} /api/admin/${c.file} as ${role} → ${expected}`, async () => {
        const mod = (await import(`@/app/api/admin/${c.file}/route`)) as Record<string, Handler>;
        const req = await request(callers[role], c.method, c.path(fixture), { json: c.json?.(fixture) });
        const res = await call(mod[c.method], req, c.params(fixture));
        expect(res.status, JSON.stringify(res.body)).toBe(expected);
        if (expected >= 400) {
          expect(res.body.error.code).toBe(expected === 401 ? "unauthorized" : "not_found");
          // A refusal carries nothing but the error.
          expect(Object.keys(res.body)).toEqual(["error"]);
        }
      });
    }
  }

  it("a refused moderation call changes nothing", async () => {
    const { DELETE } = await import("@/app/api/admin/messages/[messageId]/route");
    const res = await call(DELETE, await request(callers.user, "DELETE", `/api/admin/messages/${fixture.messageId}`), {
      messageId: String(fixture.messageId),
    });
    expect(res.status).toBe(404);
    expect((await db.message.findUniqueOrThrow({ where: { id: fixture.messageId } })).deletedAt).toBeNull();
    expect(await db.auditLog.count({ where: { targetType: "message", targetId: fixture.messageId } })).toBe(0);
  });
});

describe("lib/admin functions refuse non-admins (the body of every admin action)", () => {
  let plain: Awaited<ReturnType<typeof makeUser>>;
  let staleAdmin: Awaited<ReturnType<typeof makeUser>>;
  let fixture: Fixture;
  beforeEach(async () => {
    const target = await makeUser();
    [plain, staleAdmin] = await Promise.all([makeUser(), makeUser()]);
    const room = await makeRoom([target.id]);
    const sent = await delivered(sendMessage({ userId: target.id, roomId: room.id, content: "x", clientId: crypto.randomUUID() }));
    const reporter = await makeUser();
    const report = await db.report.create({
      data: { reporterId: reporter.id, reportedUserId: target.id, messageId: sent.message.id, reason: "spam" },
    });
    const suspension = await db.userSuspension.create({ data: { userId: reporter.id, reason: "x", endsAt: null } });
    fixture = {
      userId: target.id,
      otherId: target.id,
      roomId: room.id,
      messageId: sent.message.id,
      reportId: Number(report.id),
      suspensionId: Number(suspension.id),
    };
  });

  const calls: Array<[string, (u: { id: number; username: string; name: string; role: "USER" | "ADMIN" }, f: Fixture) => Promise<unknown>]> = [
    ["getOverview", (u) => getOverview(u)],
    ["listUsers", (u) => listUsers(u, {})],
    ["listAdminRooms", (u) => listAdminRooms(u)],
    ["getAdminRoom", (u, f) => getAdminRoom(u, f.roomId)],
    ["listAudit", (u) => listAudit(u)],
    ["metricsSnapshot", (u) => metricsSnapshot(u)],
    ["deleteMessage", (u, f) => delivered(deleteMessage(u, { message_id: f.messageId, reason: undefined }))],
    ["deactivateUser", (u, f) => delivered(deactivateUser(u, { user_id: f.userId }))],
    ["reactivateUser", (u, f) => delivered(reactivateUser(u, { user_id: f.userId }))],
    ["changeRole", (u, f) => delivered(changeRole(u, { user_id: f.userId, role: "ADMIN" }))],
    ["changeRoomOwner", (u, f) => delivered(changeRoomOwner(u, { room_id: f.roomId, user_id: f.otherId }))],
    ["listOpenReports", (u) => listOpenReports(u)],
    ["openReportCount", (u) => openReportCount(u)],
    ["resolveReport", (u, f) => resolveReport(u, { report_id: f.reportId, action: "dismiss", note: "x" }, (p) => p.result)],
    ["suspendUser", (u, f) => delivered(suspendUser(u, { userId: f.userId, duration: "24h", note: "x" }))],
    ["liftSuspension", (u, f) => liftSuspension(u, { suspensionId: f.suspensionId, note: "x" })],
    ["getAdminUserDetail", (u, f) => getAdminUserDetail(u, f.userId)],
  ];
  for (const [name, run] of calls) {
    it(`${name}: a user gets not_found, and so does a session claiming ADMIN that the database does not back`, async () => {
      await expect(run({ ...plain, role: "USER" }, fixture)).rejects.toMatchObject({ code: "not_found" });
      // e.g. demoted after signing in: the role in hand says ADMIN, the database says USER.
      await expect(run({ ...staleAdmin, role: "ADMIN" }, fixture)).rejects.toMatchObject({ code: "not_found" });
    });
  }

  it("nothing changed", async () => {
    for (const [, run] of calls) await run({ ...plain, role: "USER" }, fixture).catch(() => {});
    expect((await db.message.findUniqueOrThrow({ where: { id: fixture.messageId } })).deletedAt).toBeNull();
    expect(await db.user.findUniqueOrThrow({ where: { id: fixture.userId } })).toMatchObject({ isActive: true, role: "USER" });
    expect(await db.auditLog.count({ where: { OR: [{ targetId: fixture.messageId }, { targetId: fixture.userId }] } })).toBe(0);
    expect((await db.report.findUniqueOrThrow({ where: { id: fixture.reportId } })).status).toBe("open");
    expect(await db.userSuspension.count({ where: { userId: fixture.userId } })).toBe(0);
    expect((await db.userSuspension.findUniqueOrThrow({ where: { id: fixture.suspensionId } })).liftedAt).toBeNull();
  });
});

describe("every admin server action and page goes through the admin check", () => {
  const source = (file: string) => readFileSync(path.join(process.cwd(), file), "utf8");

  it.each(["app/admin/actions.ts", "app/admin/moderation-actions.ts"])("%s: each exported action runs with authorize: requireAdmin", (file) => {
    const text = source(file);
    const actions = [...text.matchAll(/export async function (\w+)\(/g)].map((m) => m[1]);
    expect(actions.length).toBeGreaterThanOrEqual(3);
    for (const name of actions) {
      const body = text.slice(text.indexOf(`export async function ${name}(`)).split(/\nexport /)[0];
      expect(body, name).toMatch(/runAction\(/);
      expect(body, name).toMatch(/authorize: requireAdmin/);
    }
  });

  it("app/admin: the layout and every page load through adminPage()", () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const full = path.join(dir, name);
        if (statSync(full).isDirectory()) walk(full);
        else if (name === "page.tsx" || name === "layout.tsx") files.push(path.relative(process.cwd(), full));
      }
    };
    walk(path.join(process.cwd(), "app", "admin"));
    expect(files.length).toBeGreaterThanOrEqual(7);
    for (const file of files) expect(source(file), file).toMatch(/await adminPage\(/);
  });
});
