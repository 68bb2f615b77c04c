// Messages this tab is sending: shown at once, replaced by the stored copy when it arrives.
import type { WireMention, WireReply } from "@/lib/wire/rest";

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
};

export function newPending(roomId: number, content: string, replyTo: WireReply | null = null, mentions?: WireMention[]): PendingMessage {
  return {
    client_id: crypto.randomUUID(),
    room_id: roomId,
    content,
    status: "sending",
    error: null,
    created_at: new Date().toISOString(),
    reply_to: replyTo,
    mentions,
  };
}
