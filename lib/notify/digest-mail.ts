import "server-only";
// The unread digest's content: one line per room with its unread count and a link that opens it,
// the newest message's preview unless the user hides previews, and an unsubscribe link (also as
// List-Unsubscribe with one-click POST, RFC 8058) that works without signing in.
import { appUrl, escapeHtml, type Mail } from "@/lib/mail/send";
import { unsubscribeToken } from "@/lib/notify/unsubscribe";

export type DigestRoom = { id: number; name: string; unread: number; preview: string | null; sender: string | null };

const plural = (n: number, word: string) => `${n} unread ${word}${n === 1 ? "" : "s"}`;

export function digestMail(person: { id: number; email: string; name: string; hidePreviews: boolean }, rooms: DigestRoom[]): Mail {
  const token = unsubscribeToken(person.id);
  const unsubscribePage = appUrl("/unsubscribe", { token });
  const oneClick = appUrl("/api/notify/unsubscribe", { token });
  const total = rooms.reduce((sum, r) => sum + r.unread, 0);
  const lines = rooms.map((r) => {
    const preview = !person.hidePreviews && r.preview ? `${r.sender ? `${r.sender}: ` : ""}${r.preview}` : null;
    return { link: appUrl(`/rooms/${r.id}`), name: r.name, count: plural(r.unread, "message"), preview };
  });
  const subject =
    rooms.length === 1 ? `${plural(total, "message")} in ${rooms[0].name}` : `${plural(total, "message")} in ${rooms.length} conversations`;
  const text = [
    `Hi ${person.name},`,
    "",
    "You have unread messages on JobChat:",
    "",
    ...lines.flatMap((l) => [`${l.name}: ${l.count}`, ...(l.preview ? [`  ${l.preview}`] : []), `  ${l.link}`, ""]),
    `Stop these emails: ${unsubscribePage}`,
    "",
  ].join("\n");
  const html = [
    `<p>Hi ${escapeHtml(person.name)},</p>`,
    "<p>You have unread messages on JobChat:</p>",
    "<ul>",
    ...lines.map(
      (l) =>
        `<li><a href="${escapeHtml(l.link)}">${escapeHtml(l.name)}</a>: ${l.count}${l.preview ? `<br><span style="color:#555">${escapeHtml(l.preview)}</span>` : ""}</li>`,
    ),
    "</ul>",
    `<p style="font-size:12px;color:#777"><a href="${escapeHtml(unsubscribePage)}">Stop these emails</a></p>`,
  ].join("\n");
  return {
    to: person.email,
    subject,
    text,
    html,
    headers: { "List-Unsubscribe": `<${oneClick}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" },
  };
}
