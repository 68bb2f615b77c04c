// Mention tokens in message content, for the server and the browser alike (no imports). A
// mention is stored as "<@id>": the user's id, so it survives a rename; the message's `mentions`
// (the users the server recorded for it) turn tokens into names. A token it does not list (a
// non-member, or past the per-message limit) stays as typed.
import type { WireMention } from "@/lib/wire/rest";

/** Distinct users one message can mention; later tokens stay plain text (room.activity lists them). */
export const MAX_MENTIONS_PER_MESSAGE = 50;
/** Users, like rooms, are PostgreSQL `integer` ids. */
const MAX_USER_ID = 2_147_483_647;

const tokens = () => /<@([1-9][0-9]{0,9})>/g;

export const mentionToken = (userId: number) => `<@${userId}>`;

export const hasMentionToken = (content: string) => tokens().test(content);

/** The ids the content's tokens name, distinct, in order of first appearance, at most the limit. */
export function mentionedIds(content: string): number[] {
  const ids: number[] = [];
  for (const match of content.matchAll(tokens())) {
    const id = Number(match[1]);
    if (id > MAX_USER_ID || ids.includes(id)) continue;
    ids.push(id);
    if (ids.length === MAX_MENTIONS_PER_MESSAGE) break;
  }
  return ids;
}

export type MentionPart = { kind: "text"; text: string } | { kind: "mention"; user: WireMention };

/** The content cut into plain text and the mentions it records, in order. */
export function splitMentions(content: string, mentions: readonly WireMention[]): MentionPart[] {
  if (mentions.length === 0) return [{ kind: "text", text: content }];
  const byId = new Map(mentions.map((m) => [m.id, m]));
  const parts: MentionPart[] = [];
  let last = 0;
  for (const match of content.matchAll(tokens())) {
    const user = byId.get(Number(match[1]));
    if (!user) continue;
    if (match.index > last) parts.push({ kind: "text", text: content.slice(last, match.index) });
    parts.push({ kind: "mention", user });
    last = match.index + match[0].length;
  }
  if (last < content.length) parts.push({ kind: "text", text: content.slice(last) });
  return parts;
}

/** "@Display Name" for each recorded mention: the room list's preview and search excerpts
 * (PostgreSQL's chat_mention_text() applies the same rule). */
export function mentionsAsText(content: string, mentions: readonly WireMention[]): string {
  return splitMentions(content, mentions)
    .map((part) => (part.kind === "text" ? part.text : `@${part.user.name}`))
    .join("");
}
