// Messages this tab is sending: shown at once, replaced by the stored copy when it arrives.
import type { WireMention } from "@/lib/wire/rest";
export type PendingStatus = "sending" | "failed";

export type PendingMessage = {
  client_id: string;
  room_id: number;
  content: string;
  status: PendingStatus;
  error: string | null;
  created_at: string;
  /** The members its "<@id>" tokens name, to show names before the server answers. */
  mentions?: WireMention[];
};

export function newPending(roomId: number, content: string, mentions?: WireMention[]): PendingMessage {
  return {
    client_id: crypto.randomUUID(),
    room_id: roomId,
    content,
    status: "sending",
    error: null,
    created_at: new Date().toISOString(),
    mentions,
  };
}
