// The one-line excerpt a reply quotes, shared by the server (pages, sends, events) and the
// browser (the optimistic quote), so both show the same text.
import { previewOf } from "@/lib/realtime/event-size";

/** UTF-8 bytes of the excerpt as a JSON string body: it rides in every reply's message.created. */
export const REPLY_EXCERPT_BYTES = 200;
/** How much of the original the server reads to build one (characters, PostgreSQL's left()). */
export const REPLY_SOURCE_CHARS = 600;

/**
 * The text on one line (every run of whitespace, line breaks included, becomes one space), cut
 * between grapheme clusters to at most REPLY_EXCERPT_BYTES, with "…" when something was cut.
 */
export function replyExcerpt(content: string, moreFollows = false): string {
  const line = content.replace(/\s+/gu, " ").trim();
  const cut = previewOf(line, REPLY_EXCERPT_BYTES);
  return cut.length < line.length || moreFollows ? `${cut.trimEnd()}…` : cut;
}
