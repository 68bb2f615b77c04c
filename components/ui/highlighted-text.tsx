// A search excerpt as text nodes with the matched words in <mark>: nothing from a message is HTML.
import type { ReactNode } from "react";

type HighlightedTextProps = { excerpt: string; highlights: ReadonlyArray<{ start: number; length: number }> };

export function HighlightedText({ excerpt, highlights }: HighlightedTextProps) {
  const parts: ReactNode[] = [];
  let at = 0;
  for (const h of highlights) {
    if (h.start < at) continue;
    parts.push(excerpt.slice(at, h.start));
    parts.push(
      <mark key={h.start} className="rounded bg-amber-200 px-0.5 text-inherit dark:bg-amber-700">
        {excerpt.slice(h.start, h.start + h.length)}
      </mark>,
    );
    at = h.start + h.length;
  }
  parts.push(excerpt.slice(at));
  return <>{parts}</>;
}
