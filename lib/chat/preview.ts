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

/** The room list's line for a message with attachments and no caption: "Photo", "3 photos", "File: invoice.pdf", "2 files". */
export function attachmentsPreview(attachments: ReadonlyArray<{ kind: "image" | "file" | null; name: string }>): string {
  const count = attachments.length;
  if (count === 0) return "";
  if (attachments.every((a) => a.kind === "image")) return count === 1 ? "Photo" : `${count} photos`;
  return count === 1 ? lastMessagePreview(`File: ${attachments[0].name}`) : `${count} files`;
}

/** A message's preview: its text, or what it carries when it has no text. */
export function messagePreview(content: string, attachments: ReadonlyArray<{ kind: "image" | "file" | null; name: string }> = []): string {
  return content === "" ? attachmentsPreview(attachments) : lastMessagePreview(content);
}
