// Authorization matrix: every route × {anonymous, stranger, participant, deactivated, admin}.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { call, request, type Caller } from "@/tests/support/http";
import { makeRoom, makeUser } from "@/tests/support/factories";
import { EXEMPT, ROUTES, type Fixture, type Handler, type Role } from "@/tests/integration/authz/route-table";

const API = path.join(process.cwd(), "app", "api");

function routeFiles(dir = API): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return routeFiles(full);
    return name === "route.ts" ? [path.relative(API, dir)] : [];
  });
}

function exportedMethods(file: string): string[] {
  const source = readFileSync(path.join(API, file, "route.ts"), "utf8");
  return [...source.matchAll(/export (?:const|async function|function) (GET|POST|PUT|PATCH|DELETE)\b/g)].map((m) => m[1]);
}

describe("authorization matrix", () => {
  it("lists every route handler method (a new route must be added to the table)", () => {
    const listed = new Set(ROUTES.map((r) => `${r.method} ${r.file}`));
    for (const file of routeFiles()) {
      if (file in EXEMPT) continue;
      for (const method of exportedMethods(file)) expect(listed, `${method} /api/${file} is not in the matrix`).toContain(`${method} ${file}`);
    }
    for (const r of ROUTES) expect(routeFiles()).toContain(r.file);
  });

  const roles: Role[] = ["anonymous", "stranger", "participant", "deactivated", "admin"];
  let callers: Record<Role, Caller>;
  let fixture: Fixture;

  beforeEach(async () => {
    const [participant, other, stranger, deactivated, admin, member] = await Promise.all([
      makeUser(),
      makeUser(),
      makeUser(),
      makeUser({ isActive: false }),
      makeUser({ role: "ADMIN" }),
      makeUser(),
    ]);
    const room = await makeRoom([participant.id, other.id, deactivated.id, member.id]);
    const job = await db.job.create({ data: { title: "Matrix job", clientId: participant.id, cleanerId: other.id } });
    callers = { anonymous: null, stranger, participant, deactivated: { ...deactivated, role: "USER" }, admin };
    fixture = { roomId: room.id, jobId: job.id, memberId: member.id, socketId: "123.456" };
  });

  for (const route of ROUTES) {
    for (const role of roles) {
      it(`${route.method} /api/${route.file} as ${role} → ${route.expect[role]}`, async () => {
        const mod = (await import(`@/app/api/${route.file}/route`)) as Record<string, Handler>;
        const body = route.body?.(fixture);
        const init = body?.form
          ? { body: new URLSearchParams(body.form).toString(), headers: { "content-type": "application/x-www-form-urlencoded" } }
          : { json: body?.json };
        const res = await call(mod[route.method], await request(callers[role], route.method, route.path(fixture), init), route.params(fixture));
        expect(res.status, JSON.stringify(res.body)).toBe(route.expect[role]);
        if (res.status >= 400) expect(res.body.error.code).toEqual(expect.any(String));
      });
    }
  }
});
