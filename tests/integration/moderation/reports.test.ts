// Reporting through the real doors (POST /api/chat/reports and the report action): a message of
// a room I am in, or a person; twice while open is a 409, myself a 400, a room I am not in a 404;
// the note is limited in UTF-8 bytes. The reported person is told nothing.
import { asCaller } from "@/tests/support/next-scope";
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { reportAction } from "@/app/(chat)/report-actions";
import { POST as reportRoute } from "@/app/api/chat/reports/route";
import { db } from "@/lib/db";
import { sendMessage } from "@/lib/chat/send";
import { REPORT_NOTE_MAX_BYTES } from "@/lib/moderation/limits";
import { makeRoom, makeUser } from "@/tests/support/factories";
import { type Caller, call, request } from "@/tests/support/http";
import { delivered } from "@/tests/support/delivered";

const report = async (caller: Caller, json: unknown) => call(reportRoute, await request(caller, "POST", "/api/chat/reports", { json }));

async function scene() {
  const [alice, bob, carol] = await Promise.all([makeUser(), makeUser(), makeUser()]);
  const room = await makeRoom([alice.id, bob.id], "DIRECT");
  const sent = await delivered(sendMessage({ userId: bob.id, roomId: room.id, content: "pay me outside the app", clientId: randomUUID() }));
  return { alice, bob, carol, room, messageId: sent.message.id };
}

describe("POST /api/chat/reports", () => {
  it("reports a message: 201 with the report, a row naming its sender and room, and nothing in the reported person's rooms", async () => {
    const { alice, bob, room, messageId } = await scene();
    const before = await db.message.count({ where: { roomId: room.id } });
    const res = await report(alice, { message_id: messageId, reason: "scam", note: "asked for cash" });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ reason: "scam", message_id: messageId, reported_user_id: bob.id, room_id: room.id, status: "open" });
    const row = await db.report.findUniqueOrThrow({ where: { id: res.body.id } });
    expect(row).toMatchObject({ reporterId: alice.id, reportedUserId: bob.id, roomId: room.id, note: "asked for cash", status: "open" });
    // Nothing is said in the room or anywhere the reported person reads.
    expect(await db.message.count({ where: { roomId: room.id } })).toBe(before);
  });

  it("reporting the same message twice while open is a 409, and nothing more is stored", async () => {
    const { alice, messageId } = await scene();
    expect((await report(alice, { message_id: messageId, reason: "spam" })).status).toBe(201);
    const again = await report(alice, { message_id: messageId, reason: "harassment" });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe("conflict");
    expect(await db.report.count({ where: { reporterId: alice.id } })).toBe(1);
  });

  it("a message of a room I am not in is a 404, like one that does not exist; nothing stored", async () => {
    const { carol, messageId } = await scene();
    const res = await report(carol, { message_id: messageId, reason: "spam" });
    expect(res.status).toBe(404);
    expect((await report(carol, { message_id: 9_000_000_000, reason: "spam" })).status).toBe(404);
    expect(await db.report.count({ where: { reporterId: carol.id } })).toBe(0);
  });

  it("reporting myself or my own message is a 400", async () => {
    const { bob, messageId } = await scene();
    expect((await report(bob, { user_id: bob.id, reason: "other" })).status).toBe(400);
    expect((await report(bob, { message_id: messageId, reason: "other" })).status).toBe(400);
    expect(await db.report.count({ where: { reporterId: bob.id } })).toBe(0);
  });

  it("reports a person from a room we share; a second open report of them is a 409; a room they are not in is a 404", async () => {
    const { alice, bob, carol, room } = await scene();
    const res = await report(alice, { user_id: bob.id, room_id: room.id, reason: "safety" });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ message_id: null, reported_user_id: bob.id, room_id: room.id });
    expect((await report(alice, { user_id: bob.id, reason: "safety" })).status).toBe(409);
    expect((await report(alice, { user_id: carol.id, room_id: room.id, reason: "spam" })).status).toBe(404);
    expect((await report(alice, { user_id: 2_000_000_000, reason: "spam" })).status).toBe(404);
  });

  it("the note is measured in UTF-8 bytes: 1000 bytes of CJK, emoji or Arabic pass, one more byte is a 400", async () => {
    const { alice, bob, carol, room } = await scene();
    const dave = await makeUser();
    const cases: Array<[string, string]> = [
      ["CJK (3 bytes each, and one ASCII)", `${"漢".repeat(333)}a`],
      ["emoji (4 bytes each)", "🙂".repeat(REPORT_NOTE_MAX_BYTES / 4)],
      ["right-to-left (2 bytes each)", "ش".repeat(REPORT_NOTE_MAX_BYTES / 2)],
    ];
    for (const [label, note] of cases) {
      expect(new TextEncoder().encode(note).length, label).toBe(REPORT_NOTE_MAX_BYTES);
    }
    const targets = [bob, carol, dave];
    await db.chatParticipant.createMany({ data: [carol, dave].map((u) => ({ roomId: room.id, userId: u.id })) });
    for (const [i, [label, note]] of cases.entries()) {
      const over = await report(alice, { user_id: targets[i].id, room_id: room.id, reason: "other", note: `${note}x` });
      expect(over.status, `${label} + 1 byte`).toBe(400);
      expect(over.body.error.message).toContain("bytes");
      const ok = await report(alice, { user_id: targets[i].id, room_id: room.id, reason: "other", note });
      expect(ok.status, label).toBe(201);
      expect((await db.report.findUniqueOrThrow({ where: { id: ok.body.id } })).note).toBe(note);
    }
  });

  it("refuses an unknown reason, both targets at once, and no target, with a 400", async () => {
    const { alice, bob, messageId } = await scene();
    for (const body of [
      { message_id: messageId, reason: "rude" },
      { message_id: messageId, user_id: bob.id, reason: "spam" },
      { reason: "spam" },
      { message_id: messageId, reason: "spam", note: "a\u0000b" },
    ]) {
      expect((await report(alice, body)).status, JSON.stringify(body)).toBe(400);
    }
    expect(await db.report.count({ where: { reporterId: alice.id } })).toBe(0);
  });
});

describe("reportAction", () => {
  it("reports a message through the server action, with the same rules", async () => {
    const { alice, carol, messageId } = await scene();
    const { value } = await asCaller(alice, () => reportAction({ message_id: messageId, reason: "harassment" }));
    expect(value).toMatchObject({ ok: true, data: { message_id: messageId, reason: "harassment", status: "open" } });
    const twice = await asCaller(alice, () => reportAction({ message_id: messageId, reason: "harassment" }));
    expect(twice.value).toMatchObject({ ok: false, error: { code: "conflict" } });
    const stranger = await asCaller(carol, () => reportAction({ message_id: messageId, reason: "spam" }));
    expect(stranger.value).toMatchObject({ ok: false, error: { code: "not_found" } });
    const anonymous = await asCaller(null, () => reportAction({ message_id: messageId, reason: "spam" }));
    expect(anonymous.value).toMatchObject({ ok: false, error: { code: "unauthorized" } });
  });
});
