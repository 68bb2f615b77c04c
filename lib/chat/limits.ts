// Chat limits as plain numbers, with no zod: the browser imports these (the composer's counter)
// without pulling the server's request schemas (lib/chat/schemas.ts) into its bundle.
export const MAX_MESSAGE_LENGTH = 4000;
export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 100;
/** A sender may edit a message this long after sending it (deleting has no limit). */
export const EDIT_WINDOW_MS = 15 * 60 * 1000;
/** Search text is measured in UTF-8 bytes: what PostgreSQL receives and indexes. */
export const MAX_SEARCH_QUERY_BYTES = 200;

/** The longest start of `text` within `maxBytes` UTF-8 bytes, cut between code points. */
export function fitUtf8(text: string, maxBytes: number): string {
  let bytes = 0;
  let end = 0;
  for (const point of text) {
    const cp = point.codePointAt(0) ?? 0;
    bytes += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    if (bytes > maxBytes) break;
    end += point.length;
  }
  return text.slice(0, end);
}
