// What a Web Push message carries, and nothing more: the room to open, who wrote, the room's
// name and a short preview, or only the room when the recipient hides previews. public/sw.js
// reads it.
export type PushPayload = { room_id: number; url: string; sender?: string; room?: string; preview?: string };

/** A preview is cut to at most this many UTF-8 bytes (whole code points), plus an ellipsis. */
export const PUSH_PREVIEW_BYTES = 120;

export function shortPreview(content: string): string {
  const flat = content.replace(/\s+/g, " ").trim();
  if (Buffer.byteLength(flat, "utf8") <= PUSH_PREVIEW_BYTES) return flat;
  let out = "";
  let bytes = 0;
  for (const point of flat) {
    const size = Buffer.byteLength(point, "utf8");
    if (bytes + size > PUSH_PREVIEW_BYTES) break;
    out += point;
    bytes += size;
  }
  return `${out}…`;
}

export function pushPayload(input: { roomId: number; sender: string; room: string; content: string; hidePreviews: boolean }): PushPayload {
  const base = { room_id: input.roomId, url: `/rooms/${input.roomId}` };
  return input.hidePreviews ? base : { ...base, sender: input.sender, room: input.room, preview: shortPreview(input.content) };
}
