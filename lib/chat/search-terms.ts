// The user's search text as plain words: never tsquery syntax. Shared by the query builder
// (server) and the highlighter, so both agree on what a "word" is.

/** Runs of letters, marks and digits: "4B-flat, O'Neil!" gives 4b, flat, o, neil. */
const WORD = /[\p{L}\p{M}\p{N}]+/gu;
export const MAX_SEARCH_TERMS = 8;

export function searchTerms(text: string): string[] {
  const words = (text.normalize("NFC").toLowerCase().match(WORD) ?? []).slice(0, MAX_SEARCH_TERMS);
  return [...new Set(words)];
}

/**
 * The tsquery text: every word as a quoted lexeme with prefix matching, all required.
 * Words hold only letters, marks and digits, so quoting cannot be broken out of.
 */
export function toPrefixQuery(terms: string[]): string {
  return terms.map((t) => `'${t}':*`).join(" & ");
}

export type Highlight = { start: number; length: number };

/** Where the words start a word of `text` (prefix matches, as the search), in UTF-16 offsets. */
export function highlightRanges(text: string, terms: string[]): Highlight[] {
  const lower = text.toLowerCase();
  // A few characters change length when lowered (İ): offsets would drift, so mark nothing.
  if (lower.length !== text.length) return [];
  const out: Highlight[] = [];
  for (const match of lower.matchAll(WORD)) {
    const term = terms.filter((t) => match[0].startsWith(t)).sort((a, b) => b.length - a.length)[0];
    if (term && match.index !== undefined) out.push({ start: match.index, length: term.length });
  }
  return out;
}

/** A window of at most `max` characters around the first highlight, with ranges shifted to it. */
export function excerptAround(text: string, ranges: Highlight[], max = 160): { excerpt: string; highlights: Highlight[] } {
  if (text.length <= max) return { excerpt: text, highlights: ranges };
  const first = ranges[0]?.start ?? 0;
  let start = Math.max(0, Math.min(first - 40, text.length - max));
  // Never split a surrogate pair at the cut.
  if (start > 0 && /[\uDC00-\uDFFF]/.test(text[start] ?? "")) start -= 1;
  let end = start + max;
  if (/[\uD800-\uDBFF]/.test(text[end - 1] ?? "")) end -= 1;
  const prefix = start > 0 ? "…" : "";
  const excerpt = prefix + text.slice(start, end) + (end < text.length ? "…" : "");
  const highlights = ranges
    .filter((r) => r.start >= start && r.start + r.length <= end)
    .map((r) => ({ start: r.start - start + prefix.length, length: r.length }));
  return { excerpt, highlights };
}
