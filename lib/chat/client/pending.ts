// Messages this tab is sending: shown at once, replaced by the stored copy when it arrives.
import type { WireAttachment, WireMention, WireReply } from "@/lib/wire/rest";

export type PendingStatus = "sending" | "failed";

export type PendingMessage = {
  client_id: string;
  room_id: number;
  content: string;
  status: PendingStatus;
  error: string | null;
  created_at: string;
  /** The quote shown at once on a reply (the server's copy replaces it). */
  reply_to: WireReply | null;
  /** The members its "<@id>" tokens name, to show names before the server answers. */
  mentions?: WireMention[];
  /** Files already uploaded and checked by the server: a retry sends the same ids, never the bytes again. */
  attachments?: WireAttachment[];
};

/** What a message may carry besides its text: the quote it replies to, its mentions, its uploaded files. */
export type PendingExtras = { replyTo?: WireReply | null; mentions?: WireMention[]; attachments?: WireAttachment[] };

export function newPending(roomId: number, content: string, extras: PendingExtras = {}): PendingMessage {
  const attachments = extras.attachments ?? [];
  return {
    client_id: crypto.randomUUID(),
    room_id: roomId,
    content,
    status: "sending",
    error: null,
    created_at: new Date().toISOString(),
    reply_to: extras.replyTo ?? null,
    mentions: extras.mentions,
    ...(attachments.length ? { attachments } : {}),
  };
}
