// The composer's side of mentions: the box shows "@Name" for a member picked from the
// suggestions, and the message is sent with "<@id>" in its place. Only picked names become
// tokens; "@Name" typed by hand stays text.
import { mentionToken, splitMentions } from "@/lib/chat/mention-text";
import type { WireMention } from "@/lib/wire/rest";

/** Label ("@Name") to user id, for the names picked into the current draft. */
export type PickedMentions = Map<string, number>;

export const mentionLabel = (user: { name: string }) => `@${user.name}`;

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The draft as sent: each picked label, where it still stands whole, becomes its token. */
export function draftToContent(draft: string, picked: PickedMentions): string {
  if (picked.size === 0) return draft;
  // Longest first, so "@Bea Smith" is not read as "@Bea" followed by " Smith".
  const labels = [...picked.keys()].sort((x, y) => y.length - x.length);
  const pattern = new RegExp(`(${labels.map(escapeRegExp).join("|")})(?![\\p{L}\\p{N}_])`, "gu");
  return draft.replace(pattern, (label) => mentionToken(picked.get(label) ?? 0));
}

/** A stored message back into the box for editing: tokens as labels, remembered as picked. */
export function contentToDraft(content: string, mentions: readonly WireMention[], picked: PickedMentions): string {
  return splitMentions(content, mentions)
    .map((part) => {
      if (part.kind === "text") return part.text;
      picked.set(mentionLabel(part.user), part.user.id);
      return mentionLabel(part.user);
    })
    .join("");
}

/** The "@query" being typed just before the caret, if any: where it starts and its text. */
export function mentionQueryAt(text: string, caret: number): { start: number; query: string } | null {
  const match = /(?:^|[\s([{"'])@([^\s@]{0,40})$/u.exec(text.slice(0, caret));
  if (!match) return null;
  return { start: caret - match[1].length - 1, query: match[1] };
}

/** The members a content's tokens name, for a message shown before the server has answered. */
export const mentionsIn = (content: string, members: readonly WireMention[] = []): WireMention[] =>
  members.filter((m) => content.includes(mentionToken(m.id)));
