// Messages this tab is sending: shown at once, replaced by the stored copy when it arrives.
import type { WireAttachment } from "@/lib/wire/rest";

export type PendingStatus = "sending" | "failed";

export type PendingMessage = {
  client_id: string;
  room_id: number;
  content: string;
  status: PendingStatus;
  error: string | null;
  created_at: string;
  /** Files already uploaded and checked by the server: a retry sends the same ids, never the bytes again. */
  attachments?: WireAttachment[];
};

export function newPending(roomId: number, content: string, attachments: WireAttachment[] = []): PendingMessage {
  return {
    client_id: crypto.randomUUID(),
    room_id: roomId,
    content,
    status: "sending",
    error: null,
    created_at: new Date().toISOString(),
    ...(attachments.length ? { attachments } : {}),
  };
}
