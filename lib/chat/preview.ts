// The room's denormalized last message: its first 200 code points, as PostgreSQL's LEFT() cuts
// them (moderation recomputes it in SQL). String.slice counts UTF-16 units and would split an
// emoji's surrogate pair, which the database stores as U+FFFD.
export const LAST_MESSAGE_PREVIEW = 200;

export function lastMessagePreview(content: string): string {
  let end = 0;
  let points = 0;
  for (const point of content) {
    if (points === LAST_MESSAGE_PREVIEW) break;
    end += point.length;
    points++;
  }
  return content.slice(0, end);
}
