// Messages this tab is sending: shown at once, replaced by the stored copy when it arrives.
export type PendingStatus = "sending" | "failed";

export type PendingMessage = {
  client_id: string;
  room_id: number;
  content: string;
  status: PendingStatus;
  error: string | null;
  created_at: string;
};

export function newPending(roomId: number, content: string): PendingMessage {
  return {
    client_id: crypto.randomUUID(),
    room_id: roomId,
    content,
    status: "sending",
    error: null,
    created_at: new Date().toISOString(),
  };
}
