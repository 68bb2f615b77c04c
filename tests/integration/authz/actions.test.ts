// Authorization matrix for server actions: every exported action (read from the "use server"
// modules at test time) × {anonymous, stranger, participant, deactivated, admin}, called inside
// Next's request scope with a real session cookie. An allowed call does what it says (read back
// from the database); a refused one answers its code and changes nothing.
import * as v from "valibot";
import { asCaller } from "@/tests/support/next-scope";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { sendMessage } from "@/lib/chat/send";
import type { Caller } from "@/tests/support/http";
import { makeRoom, makeUser } from "@/tests/support/factories";
import { dbFingerprint } from "@/tests/support/db-fingerprint";
import { wireErrorSchema } from "@/lib/wire/rest";
import { ACTION_CASES, type ActionFixture } from "@/tests/integration/authz/action-table";
import { subscribedEndpoint } from "@/tests/support/push";
import { actionFiles, filesMentioningUseServer, serverActions } from "@/tests/integration/authz/action-modules";
import type { Role } from "@/tests/integration/authz/route-table";
import { delivered } from "@/tests/support/delivered";

const ACTIONS = await serverActions();
const ROLES: Role[] = ["anonymous", "stranger", "participant", "deactivated", "admin"];
const ADMIN_LAYOUT_TAG = "_N_T_/admin/layout";

describe("server action authorization matrix", () => {
  it("lists every exported server action (a new action must be added to the table)", () => {
    expect(actionFiles().sort()).toEqual([
      "app/(auth)/actions",
      "app/(auth)/unsubscribe/actions",
      "app/(chat)/actions",
      "app/(chat)/block-actions",
      "app/(chat)/report-actions",
      "app/admin/actions",
      "app/admin/moderation-actions",
    ]);
    // No inline actions: every "use server" is a module's directive, so its exports are all there is.
    expect(filesMentioningUseServer().sort()).toEqual(actionFiles().sort());
    const listed = new Set(ACTION_CASES.map((c) => `${c.file} ${c.name}`));
    for (const action of ACTIONS)
      expect(listed, `${action.name} (${action.file}) is not in the action matrix`).toContain(`${action.file} ${action.name}`);
    const exported = new Set(ACTIONS.map((a) => `${a.file} ${a.name}`));
    for (const key of listed) expect(exported, `${key} is listed but not exported`).toContain(key);
  });

  let callers: Record<Role, Caller>;
  let fixture: ActionFixture;
  beforeEach(async () => {
    const [participant, member, stranger, deactivated, admin, target, inactiveTarget] = await Promise.all([
      makeUser(),
      makeUser(),
      makeUser(),
      // A deactivated admin who is also in the room: refused as a signed-out caller, whatever
      // the role and room membership say.
      makeUser({ role: "ADMIN", isActive: false }),
      makeUser({ role: "ADMIN" }),
      makeUser(),
      makeUser({ isActive: false }),
    ]);
    const room = await makeRoom([participant.id, member.id, deactivated.id]);
    const sent = await delivered(sendMessage({ userId: member.id, roomId: room.id, content: "read me", clientId: crypto.randomUUID() }));
    const own = await delivered(sendMessage({ userId: participant.id, roomId: room.id, content: "mine", clientId: crypto.randomUUID() }));
    callers = { anonymous: null, stranger, participant, deactivated, admin };
    const report = await db.report.create({
      data: { reporterId: target.id, reportedUserId: member.id, messageId: sent.message.id, roomId: room.id, reason: "spam" },
    });
    const suspension = await db.userSuspension.create({ data: { userId: inactiveTarget.id, reason: "matrix", endsAt: null } });
    fixture = {
      reportId: Number(report.id),
      suspensionId: Number(suspension.id),
      roomId: room.id,
      memberId: member.id,
      messageId: sent.message.id,
      ownMessageId: own.message.id,
      targetId: target.id,
      inactiveTargetId: inactiveTarget.id,
      pushEndpoint: await subscribedEndpoint(participant.id),
    };
  });

  for (const c of ACTION_CASES) {
    for (const role of ROLES) {
      const expected = c.expect[role];
      it(`${c.name}${c.variant ? ` (${c.variant})` : ""} as ${role} → ${expected}`, async () => {
        const action = ACTIONS.find((a) => a.file === c.file && a.name === c.name);
        if (!action) expect.fail(`${c.file} does not export ${c.name}`);
        const caller = callers[role];
        const before = await dbFingerprint();
        const { value, revalidated } = await asCaller(caller, () => (action.fn as (...a: unknown[]) => Promise<unknown>)(...c.args(fixture)), {
          // Registration is limited per client address; each call comes from its own.
          headers: { "x-forwarded-for": `10.77.${ROLES.indexOf(role)}.${ACTION_CASES.indexOf(c)}` },
        });
        const result = value as { ok: boolean; data?: unknown; error?: unknown };
        if (expected === "ok") {
          expect(result, JSON.stringify(result)).toMatchObject({ ok: true });
          await c.effect(fixture, caller?.id ?? 0, result.data);
          if (c.file === "app/admin/actions") expect(revalidated).toContain(ADMIN_LAYOUT_TAG);
        } else {
          // A refusal carries nothing but the error, and changes nothing.
          expect(Object.keys(result).sort(), JSON.stringify(result)).toEqual(["error", "ok"]);
          expect(result.ok).toBe(false);
          expect(v.parse(wireErrorSchema, result.error).code).toBe(expected);
          expect(await dbFingerprint()).toEqual(before);
          expect(revalidated).toEqual([]);
        }
      });
    }
  }
});
