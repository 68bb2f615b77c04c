import "server-only";
// A room for a dispute: its people and every message, oldest first, as JSON or CSV. Streamed in
// keyset batches on chat_room_id_idx, each read only when the client has taken the previous one,
// so a room of a million messages never sits in memory. Admins see deleted content, marked.
import type { SessionUser } from "@/lib/auth/credentials";
import { db } from "@/lib/db";
import { assertAdmin } from "@/lib/admin/guard";
import { recordAudit } from "@/lib/admin/audit";
import { type AdminMessage, adminRoomHeader, toAdminMessages } from "@/lib/admin/rooms";
import type { EXPORT_FORMATS } from "@/lib/admin/schemas";
import { wireAdminMessage, wireRoomHeader } from "@/lib/wire/admin";

export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export const EXPORT_BATCH = 1000;

export const CSV_COLUMNS = ["id", "timestamp", "sender_id", "sender_username", "content", "edited_at", "deleted_at", "edits"] as const;

/** RFC 4180 quoting; a cell a spreadsheet would run as a formula gets a leading apostrophe. */
export function csvCell(value: string | number | null): string {
  let text = value === null ? "" : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

const csvRow = (m: AdminMessage) =>
  `${[
    m.id,
    m.timestamp.toISOString(),
    m.senderId,
    m.senderUsername,
    m.content,
    m.editedAt?.toISOString() ?? null,
    m.deletedAt?.toISOString() ?? null,
    m.edits.length,
  ]
    .map(csvCell)
    .join(",")}\r\n`;

async function batchAfter(roomId: number, afterId: bigint) {
  const rows = await db.$queryRaw<
    Array<{ id: bigint; senderId: number; content: string; timestamp: Date; editedAt: Date | null; deletedAt: Date | null }>
  >`SELECT id, sender_id AS "senderId", COALESCE(original_content, content) AS content, timestamp, edited_at AS "editedAt", deleted_at AS "deletedAt"
    FROM chat_message WHERE room_id = ${roomId} AND id > ${afterId} ORDER BY id ASC LIMIT ${EXPORT_BATCH}`;
  return { messages: await toAdminMessages(rows), last: rows.at(-1)?.id ?? null };
}

/**
 * Checks the caller, records the export in the audit log, and returns the file's stream. The
 * room and its people are read first (a missing room is a 404 before anything is sent).
 */
export async function exportRoom(admin: SessionUser, roomId: number, format: ExportFormat) {
  await assertAdmin(admin);
  const header = await adminRoomHeader(roomId);
  await recordAudit(db, { actorId: admin.id, action: "room.export", targetType: "room", targetId: roomId, details: { format } });
  const exportedAt = new Date();
  const encoder = new TextEncoder();
  let after = 0n;
  let first = true;
  let done = false;

  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      // The BOM lets spreadsheet programs read UTF-8 (names and messages in any script).
      const head =
        format === "csv"
          ? `\uFEFF${CSV_COLUMNS.join(",")}\r\n`
          : `${JSON.stringify({ ...wireRoomHeader(header), exported_at: exportedAt.toISOString() }).slice(0, -1)},"messages":[`;
      controller.enqueue(encoder.encode(head));
    },
    async pull(controller) {
      if (done) return;
      const { messages, last } = await batchAfter(roomId, after);
      let chunk = "";
      for (const m of messages) {
        if (format === "csv") chunk += csvRow(m);
        else {
          chunk += `${first ? "" : ","}${JSON.stringify(wireAdminMessage(m))}`;
          first = false;
        }
      }
      if (last === null || messages.length < EXPORT_BATCH) {
        done = true;
        if (format === "json") chunk += "]}";
      } else after = last;
      if (chunk) controller.enqueue(encoder.encode(chunk));
      if (done) controller.close();
    },
  });

  const day = exportedAt.toISOString().slice(0, 10);
  return {
    body,
    contentType: format === "csv" ? "text/csv; charset=utf-8" : "application/json; charset=utf-8",
    filename: `room-${roomId}-${day}.${format}`,
  };
}
