// The admin's side of reports: the queue (open, newest first, the message in context with deleted
// content visible, prior reports), resolving through the route and the action (dismiss, delete,
// warn, suspend; each with a note, audit-logged; twice is a 409), and the user detail page's data.
import { asCaller } from "@/tests/support/next-scope";
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { resolveReportAction } from "@/app/admin/moderation-actions";
import { POST as resolveRoute } from "@/app/api/admin/reports/[reportId]/resolve/route";
import { POST as reportRoute } from "@/app/api/chat/reports/route";
import { db } from "@/lib/db";
import { listOpenReports, warningText } from "@/lib/admin/reports";
import { getAdminUserDetail } from "@/lib/admin/user-detail";
import { deleteOwnMessage } from "@/lib/chat/edit";
import { sendMessage } from "@/lib/chat/send";
import { makeRoom, makeUser } from "@/tests/support/factories";
import { type Caller, call, request } from "@/tests/support/http";
import { delivered } from "@/tests/support/delivered";

type User = Awaited<ReturnType<typeof makeUser>>;
const asAdmin = (u: User): Caller => ({ ...u, role: "ADMIN" });

async function post(from: number, roomId: number, content: string) {
  return (await delivered(sendMessage({ userId: from, roomId, content, clientId: randomUUID() }))).message.id;
}
async function report(caller: Caller, json: unknown): Promise<number> {
  const res = await call(reportRoute, await request(caller, "POST", "/api/chat/reports", { json }));
  expect(res.status).toBe(201);
  return res.body.id;
}
const resolve = async (caller: Caller, reportId: number, json: unknown) =>
  call(resolveRoute, await request(caller, "POST", `/api/admin/reports/${reportId}/resolve`, { json }), { reportId: String(reportId) });

describe("the reports queue", () => {
  let admin: User;
  beforeAll(async () => {
    admin = await makeUser({ role: "ADMIN" });
  });

  async function scene() {
    const [alice, bob] = await Promise.all([makeUser(), makeUser()]);
    const room = await makeRoom([alice.id, bob.id], "DIRECT");
    const ids: number[] = [];
    for (let i = 1; i <= 14; i++) ids.push(await post(i % 2 ? bob.id : alice.id, room.id, `line ${i}`));
    return { alice, bob, room, ids };
  }

  it("lists open reports newest first with the reported message and five on each side, deleted content visible, and prior reports", async () => {
    const { alice, bob, room, ids } = await scene();
    const carol = await makeUser();
    await db.chatParticipant.create({ data: { roomId: room.id, userId: carol.id } });
    const target = ids[6]; // "line 7", from bob
    await delivered(deleteOwnMessage({ userId: alice.id, roomId: room.id, messageId: ids[5] })); // "line 6", alice's, deleted
    const older = await report(carol, { user_id: bob.id, room_id: room.id, reason: "spam" });
    const newer = await report(alice, { message_id: target, reason: "harassment", note: "threatening" });

    // Other test files report in the same database: start the page at this test's newest report.
    const { reports } = await listOpenReports(admin, { before: newer + 1 });
    const mine = reports.filter((r) => r.id === older || r.id === newer);
    expect(mine.map((r) => r.id)).toEqual([newer, older]);
    const r = mine[0];
    expect(r).toMatchObject({ reason: "harassment", note: "threatening", messageId: target, reporter: { id: alice.id }, reported: { id: bob.id } });
    expect(r.context.map((m) => m.content)).toEqual([
      "line 2",
      "line 3",
      "line 4",
      "line 5",
      "line 6",
      "line 7",
      "line 8",
      "line 9",
      "line 10",
      "line 11",
      "line 12",
    ]);
    expect(r.context.find((m) => m.content === "line 6")?.deletedAt).toBeInstanceOf(Date);
    expect(r.priorCount).toBe(1);
    expect(r.prior[0]).toMatchObject({ id: older, reason: "spam", status: "open" });
  });

  it("dismiss resolves with the note and an audit entry; resolving again is a 409; non-admins get 404; a missing report 404", async () => {
    const { alice, bob, ids } = await scene();
    const id = await report(alice, { message_id: ids[0], reason: "spam" });
    expect((await resolve(alice, id, { action: "dismiss", note: "x" })).status).toBe(404);
    expect((await resolve(asAdmin(admin), id, { action: "dismiss" })).status).toBe(400);
    expect((await db.report.findUniqueOrThrow({ where: { id } })).status).toBe("open");
    const res = await resolve(asAdmin(admin), id, { action: "dismiss", note: "Not spam: a quote" });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ report_id: id, action: "dismiss" });
    expect(await db.report.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "resolved",
      resolution: "dismiss",
      resolutionNote: "Not spam: a quote",
      resolvedById: admin.id,
    });
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "report.resolve", targetId: id } });
    expect(audit.details).toMatchObject({ resolution: "dismiss", reported_user_id: bob.id, note: "Not spam: a quote" });
    expect((await resolve(asAdmin(admin), id, { action: "warn", note: "again" })).status).toBe(409);
    expect((await resolve(asAdmin(admin), 9_000_000_000, { action: "dismiss", note: "x" })).status).toBe(404);
    // Resolved reports leave the queue; a new report of the same message may be opened.
    expect((await listOpenReports(admin)).reports.some((r) => r.id === id)).toBe(false);
    await report(alice, { message_id: ids[0], reason: "spam" });
  });

  it("delete_message soft-deletes the reported message (audited as a message delete too)", async () => {
    const { alice, ids } = await scene();
    const id = await report(alice, { message_id: ids[2], reason: "scam" });
    expect((await resolve(asAdmin(admin), id, { action: "delete_message", note: "Off-platform payment" })).status).toBe(200);
    expect((await db.message.findUniqueOrThrow({ where: { id: ids[2] } })).deletedAt).toBeInstanceOf(Date);
    expect(await db.auditLog.count({ where: { action: "message.delete", targetId: ids[2] } })).toBe(1);
  });

  it("warn sends the person a direct message from the admin with the note", async () => {
    const { alice, bob, ids } = await scene();
    const id = await report(alice, { message_id: ids[0], reason: "harassment" });
    expect((await resolve(asAdmin(admin), id, { action: "warn", note: "Keep it civil" })).status).toBe(200);
    const directKey = [admin.id, bob.id].sort((a, b) => a - b).join(":");
    const room = await db.chatRoom.findUniqueOrThrow({ where: { directKey }, select: { id: true } });
    const messages = await db.message.findMany({ where: { roomId: room.id }, select: { senderId: true, content: true } });
    expect(messages).toEqual([{ senderId: admin.id, content: warningText("Keep it civil") }]);
  });

  it("suspend through the report action suspends the reported person, linked to the report", async () => {
    const { alice, bob, ids } = await scene();
    const id = await report(alice, { message_id: ids[0], reason: "safety" });
    const form = new FormData();
    for (const [k, v] of Object.entries({ report_id: String(id), action: "suspend", duration: "7d", note: "Threats" })) form.append(k, v);
    const { value } = await asCaller(asAdmin(admin), () => resolveReportAction(null, form));
    expect(value).toEqual({ ok: true, data: "User suspended" });
    const suspension = await db.userSuspension.findFirstOrThrow({ where: { userId: bob.id } });
    expect(suspension).toMatchObject({ reason: "Threats", reportId: BigInt(id), createdById: admin.id });
  });
});

describe("the user detail page's data", () => {
  it("counts messages per UTC day over 30 days, and lists reports by and against, suspensions and rooms", async () => {
    const [admin, alice, bob] = await Promise.all([makeUser({ role: "ADMIN" }), makeUser(), makeUser()]);
    const room = await makeRoom([alice.id, bob.id], "DIRECT");
    const at = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000);
    await db.message.createMany({
      data: [0, 0, 2, 40].map((d) => ({ roomId: room.id, senderId: bob.id, content: "x", clientId: randomUUID(), timestamp: at(d) })),
    });
    const m = await post(alice.id, room.id, "to report");
    await report(bob, { message_id: m, reason: "spam" });
    await report(alice, { user_id: bob.id, room_id: room.id, reason: "other" });

    const detail = await getAdminUserDetail(admin, bob.id);
    expect(detail.perDay).toHaveLength(30);
    expect(detail.perDay.at(-1)?.count).toBe(2);
    expect(detail.perDay.reduce((sum, d) => sum + d.count, 0)).toBe(3);
    expect(detail.reportsBy.map((r) => r.other.id)).toEqual([alice.id]);
    expect(detail.reportsAgainst.map((r) => r.other.id)).toEqual([alice.id]);
    expect(detail.rooms.map((r) => r.id)).toEqual([room.id]);
    await expect(getAdminUserDetail({ ...alice, role: "USER" }, bob.id)).rejects.toMatchObject({ code: "not_found" });
  });
});
