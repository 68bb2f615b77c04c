import "server-only";
// When masking applies (CHAT_MASK_CONTACTS=1): a message from a job's client or cleaner in the
// job's room while the job is not yet booked. The original text is kept for admins.
import { env } from "@/lib/env";
import { ADDRESS_VISIBLE_STATUSES } from "@/lib/jobs/status";
import type { Tx } from "@/lib/realtime/outbox-store";
import { maskContacts } from "@/lib/safety/contact-mask";
import { MAX_MESSAGE_LENGTH } from "@/lib/chat/limits";

export type MaskedContent = { content: string; original: string | null };

export async function maskForRoom(tx: Tx, input: { userId: number; roomId: number; content: string }): Promise<MaskedContent> {
  const unchanged = { content: input.content, original: null };
  if (!env().CHAT_MASK_CONTACTS || input.content === "") return unchanged;
  const rows = await tx.$queryRaw<Array<{ applies: boolean }>>`
    SELECT NOT (j.status::text = ANY(${[...ADDRESS_VISIBLE_STATUSES]}::text[])) AS applies
    FROM chat_chatroom r JOIN jobs j ON j.id = r.job_id
    WHERE r.id = ${input.roomId} AND r.kind = 'JOB' AND ${input.userId} IN (j.client_id, j.cleaner_id)`;
  if (!rows[0]?.applies) return unchanged;
  const { text, masked } = maskContacts(input.content, MAX_MESSAGE_LENGTH);
  return masked ? { content: text, original: input.content } : unchanged;
}
