// Messages this tab is sending: shown at once, replaced by the stored copy when it arrives.
import type { WireReply } from "@/lib/wire/rest";

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
};

export function newPending(roomId: number, content: string, replyTo: WireReply | null = null): PendingMessage {
  return {
    client_id: crypto.randomUUID(),
    room_id: roomId,
    content,
    status: "sending",
    error: null,
    created_at: new Date().toISOString(),
    reply_to: replyTo,
  };
}
