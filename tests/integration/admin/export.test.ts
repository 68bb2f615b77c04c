// GET /api/admin/rooms/{id}/export: the whole room for a dispute, JSON and CSV, streamed in
// batches, deleted content and edits included, audit-logged; only admins.
import * as v from "valibot";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as exportRoute } from "@/app/api/admin/rooms/[roomId]/export/route";
import { db } from "@/lib/db";
import { CSV_COLUMNS, csvCell, EXPORT_BATCH } from "@/lib/admin/export";
import { adminRoomExportSchema } from "@/lib/wire/admin";
import { call, request, type Caller } from "@/tests/support/http";
import { makeRoom, makeUser } from "@/tests/support/factories";

type User = Awaited<ReturnType<typeof makeUser>>;

// Every script, CSV's own syntax, and what a spreadsheet would run as a formula.
const TRICKY = [
  "鍵はポストの中です 🔑",
  "مرحبا، المفتاح هنا",
  'she said "4B", then left',
  "line one\nline two, with a comma",
  '=HYPERLINK("x")',
  "+44 20 7946 0958",
  "👩🏽‍🔧 done",
];
const COUNT = EXPORT_BATCH * 2 + 345;

/** A strict RFC 4180 reader, enough to read our own files back. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(cell);
      cell = "";
    } else if (c === "\r" && text[i + 1] === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      i++;
    } else cell += c;
  }
  expect(cell).toBe("");
  return rows;
}

describe("admin: room export", () => {
  let admin: User;
  let a: User;
  let b: User;
  let roomId: number;
  let deletedId: bigint;
  let editedId: bigint;
  const get = async (who: Caller, room: number, query = "") =>
    exportRoute(await request(who, "GET", `/api/admin/rooms/${room}/export${query}`), { params: Promise.resolve({ roomId: String(room) }) });

  beforeAll(async () => {
    [admin, a, b] = await Promise.all([makeUser({ role: "ADMIN" }), makeUser(), makeUser()]);
    roomId = (await makeRoom([a.id, b.id])).id;
    // Set-based, like the benchmark dataset: COUNT messages alternating senders, the tricky texts first.
    await db.$executeRaw`
      INSERT INTO chat_message (room_id, sender_id, content, client_id, timestamp)
      SELECT ${roomId}::int, CASE WHEN g % 2 = 0 THEN ${a.id}::int ELSE ${b.id}::int END,
             COALESCE((${TRICKY}::text[])[g], 'message ' || g), gen_random_uuid(), now() - make_interval(secs => ${COUNT}::int - g)
      FROM generate_series(1, ${COUNT}::int) g`;
    const ids = await db.message.findMany({ where: { roomId }, orderBy: { id: "asc" }, select: { id: true }, take: 10 });
    deletedId = ids[7].id;
    editedId = ids[8].id;
    await db.message.update({ where: { id: deletedId }, data: { deletedAt: new Date() } });
    await db.message.update({ where: { id: editedId }, data: { editedAt: new Date(), content: "after the edit" } });
    await db.messageEdit.create({ data: { messageId: editedId, oldContent: "before the edit" } });
  });

  it("JSON: every message oldest first, deleted content marked, edit history, in several chunks; audited", async () => {
    const res = await await get(admin, roomId);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(res.headers.get("content-disposition")).toMatch(new RegExp(`^attachment; filename="room-${roomId}-\\d{4}-\\d{2}-\\d{2}\\.json"$`));
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");

    // Read it the way a client does: chunk by chunk, as the batches arrive.
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    const decoder = new TextDecoder();
    let text = "";
    let chunks = 0;
    for (let r = await reader.read(); !r.done; r = await reader.read()) {
      chunks++;
      text += decoder.decode(r.value, { stream: true });
    }
    expect(chunks).toBeGreaterThanOrEqual(Math.ceil(COUNT / EXPORT_BATCH) + 1);

    const file = v.parse(adminRoomExportSchema, JSON.parse(text));
    expect(file.room.id).toBe(roomId);
    expect(file.participants.map((p) => p.user_id).sort()).toEqual([a.id, b.id].sort());
    expect(file.messages).toHaveLength(COUNT);
    const ids = file.messages.map((m) => m.id);
    expect(ids).toEqual([...ids].sort((x, y) => x - y));
    expect(new Set(ids).size).toBe(COUNT);
    expect(file.messages.slice(0, TRICKY.length - 2).map((m) => m.content)).toEqual(TRICKY.slice(0, TRICKY.length - 2));
    const deleted = file.messages.find((m) => m.id === Number(deletedId));
    expect(deleted?.deleted_at).not.toBeNull();
    expect(deleted?.content).toBe("message 8");
    const edited = file.messages.find((m) => m.id === Number(editedId));
    expect(edited).toMatchObject({ content: "after the edit", edits: [{ content: "before the edit" }] });

    const audit = await db.auditLog.findMany({ where: { action: "room.export", targetType: "room", targetId: roomId } });
    expect(audit.map((e) => ({ actor: e.actorId, details: e.details }))).toContainEqual({ actor: admin.id, details: { format: "json" } });
  });

  it("CSV: a header and one row per message; every script and CSV's own syntax read back; formulas defused", async () => {
    const res = await get(admin, roomId, "?format=csv");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(new TextDecoder().decode(bytes));
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows).toHaveLength(COUNT + 1);
    const content = rows.slice(1).map((r) => r[CSV_COLUMNS.indexOf("content")]);
    expect(content.slice(0, 4)).toEqual(TRICKY.slice(0, 4));
    expect(content[4]).toBe(`'${TRICKY[4]}`);
    expect(content[5]).toBe(`'${TRICKY[5]}`);
    const edited = rows.find((r) => r[0] === String(editedId));
    expect(edited?.[CSV_COLUMNS.indexOf("edits")]).toBe("1");
    expect(await db.auditLog.count({ where: { action: "room.export", targetId: roomId, details: { equals: { format: "csv" } } } })).toBe(1);
  });

  it("mentions read as the people's names, in the current text and in earlier versions; an unknown id stays as typed", async () => {
    const room = (await makeRoom([a.id, b.id])).id;
    const m = await db.message.create({
      data: { roomId: room, senderId: a.id, content: `Keys for <@${b.id}>, not <@2000000000>`, clientId: crypto.randomUUID(), editedAt: new Date() },
    });
    await db.messageEdit.create({ data: { messageId: m.id, oldContent: `Keys for <@${a.id}>` } });
    const res = await get(admin, room);
    const file = v.parse(adminRoomExportSchema, JSON.parse(await res.text()));
    expect(file.messages).toEqual([
      expect.objectContaining({
        content: `Keys for @${b.name}, not <@2000000000>`,
        edits: [expect.objectContaining({ content: `Keys for @${a.name}` })],
      }),
    ]);
  });

  it("csvCell quotes what needs quoting and nothing else", () => {
    expect(csvCell("plain")).toBe("plain");
    expect(csvCell(null)).toBe("");
    expect(csvCell(42)).toBe("42");
    expect(csvCell('a "b"')).toBe('"a ""b"""');
    expect(csvCell("-1")).toBe("'-1");
    expect(csvCell("@home, now")).toBe(`"'@home, now"`);
  });

  it("refuses anonymous (401), a user (404), a missing room (404) and an unknown format (400), recording nothing", async () => {
    const before = await db.auditLog.count({ where: { action: "room.export" } });
    const status = async (who: Caller, room: number, query = "") =>
      (await call(exportRoute, await request(who, "GET", `/api/admin/rooms/${room}/export${query}`), { roomId: String(room) })).status;
    expect(await status(null, roomId)).toBe(401);
    expect(await status(a, roomId)).toBe(404);
    expect(await status(admin, 2_000_000_000)).toBe(404);
    expect(await status(admin, roomId, "?format=xlsx")).toBe(400);
    expect(await status(admin, roomId, "?format=csv&x=1")).toBe(400);
    expect(await db.auditLog.count({ where: { action: "room.export" } })).toBe(before);
  });
});
