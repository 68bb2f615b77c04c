// Authorization matrix: every route × {anonymous, stranger, participant, deactivated, admin}.
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { call, request, type Caller } from "@/tests/support/http";
import { makeRoom, makeUser } from "@/tests/support/factories";
import { EXEMPT, ROUTES, type Fixture, type Handler, type Role } from "@/tests/integration/authz/route-table";
import { routeFiles, routeMethods } from "@/tests/integration/authz/route-files";
import { attachmentFixture } from "@/tests/support/attachments";
import { subscribedEndpoint } from "@/tests/support/push";

describe("authorization matrix", () => {
  it("lists every route handler method (a new route must be added to the table)", async () => {
    const listed = new Set(ROUTES.map((r) => `${r.method} ${r.file}`));
    // The methods each route module exports at run time, however it exports them.
    for (const { file, method } of await routeMethods()) {
      if (file in EXEMPT) continue;
      expect(listed, `${method} /api/${file} is not in the matrix`).toContain(`${method} ${file}`);
    }
    for (const r of ROUTES) expect(routeFiles()).toContain(r.file);
    for (const file of Object.keys(EXEMPT)) expect(routeFiles(), `exempt route ${file} no longer exists`).toContain(file);
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
    const message = await db.message.create({
      data: { roomId: room.id, senderId: participant.id, content: "matrix", clientId: crypto.randomUUID() },
    });
    callers = { anonymous: null, stranger, participant, deactivated: { ...deactivated, role: "USER" }, admin };
    const files = await attachmentFixture({ roomId: room.id, uploaderId: participant.id, messageId: Number(message.id) });
    fixture = {
      roomId: room.id,
      jobId: job.id,
      memberId: member.id,
      messageId: Number(message.id),
      socketId: "123.456",
      pushEndpoint: await subscribedEndpoint(participant.id),
      ...files,
    };
  });

  for (const route of ROUTES) {
    for (const role of roles) {
      it(`${route.method} /api/${route.file}${route.variant ? ` (${route.variant})` : ""} as ${role} → ${route.expect[role]}`, async () => {
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
