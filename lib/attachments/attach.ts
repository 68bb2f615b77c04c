import "server-only";
// Attachments on messages: what a send may attach, linking them in the send's transaction, and
// loading a page's attachments in one query.
import type { Db } from "@/lib/db";
import { invalidInput } from "@/lib/errors";
import type { Tx } from "@/lib/realtime/outbox-store";
import type { AttachmentRow } from "@/lib/wire/serialize";

const COLUMNS = {
  id: true,
  kind: true,
  name: true,
  contentType: true,
  size: true,
  width: true,
  height: true,
  thumbKey: true,
  messageId: true,
} as const;

/** Ids given in a send, in order, as ready uploads of this user in this room (attached or not: a retry finds them attached). */
export async function sendableAttachments(tx: Tx, input: { userId: number; roomId: number; ids: string[] }): Promise<AttachmentRow[]> {
  if (input.ids.length === 0) return [];
  const rows = await tx.attachment.findMany({
    where: { id: { in: input.ids }, uploaderId: input.userId, roomId: input.roomId, status: "ready" },
    select: COLUMNS,
  });
  const byId = new Map(rows.map((r) => [r.id, r]));
  return input.ids.flatMap((id) => byId.get(id.toLowerCase()) ?? []);
}

/**
 * Links the uploads to the new message, in the send's transaction: each must be a ready upload
 * of the sender in this room that no message carries yet, else the whole send rolls back.
 */
export async function linkAttachments(tx: Tx, input: { userId: number; roomId: number; messageId: number; ids: string[] }): Promise<AttachmentRow[]> {
  if (input.ids.length === 0) return [];
  const linked = await tx.attachment.updateMany({
    where: { id: { in: input.ids }, uploaderId: input.userId, roomId: input.roomId, status: "ready", messageId: null },
    data: { messageId: input.messageId },
  });
  if (linked.count !== input.ids.length) {
    throw invalidInput("attachment_ids: each must be a finished upload of yours in this room that has not been sent yet");
  }
  return attachmentsOf(tx, [input.messageId]).then((map) => map.get(input.messageId) ?? []);
}

/** Each message's ready attachments, in upload order, on chat_attachment_message_idx. */
export async function attachmentsOf(client: Pick<Db, "attachment">, messageIds: number[]): Promise<Map<number, AttachmentRow[]>> {
  const out = new Map<number, AttachmentRow[]>();
  if (messageIds.length === 0) return out;
  const rows = await client.attachment.findMany({
    where: { messageId: { in: messageIds.map(BigInt) }, status: "ready" },
    orderBy: [{ messageId: "asc" }, { createdAt: "asc" }, { id: "asc" }],
    select: COLUMNS,
  });
  for (const row of rows) {
    const id = Number(row.messageId);
    out.set(id, [...(out.get(id) ?? []), row]);
  }
  return out;
}
