// Which members the mention suggestions offer for what is typed after "@" (loaded with them).
import type { WireMention } from "@/lib/wire/rest";

/** The room's members whose name or username contains the query, best first (prefix matches). */
export function suggestMembers<T extends WireMention>(members: readonly T[], query: string, exclude: number, limit = 8): T[] {
  const q = query.toLocaleLowerCase();
  const scored: Array<{ member: T; score: number }> = [];
  for (const member of members) {
    if (member.id === exclude) continue;
    const name = member.name.toLocaleLowerCase();
    const username = member.username.toLocaleLowerCase();
    const words = name.split(/\s+/);
    const score =
      name.startsWith(q) || username.startsWith(q) ? 0 : words.some((w) => w.startsWith(q)) ? 1 : name.includes(q) || username.includes(q) ? 2 : -1;
    if (score >= 0) scored.push({ member, score });
  }
  return scored
    .sort((x, y) => x.score - y.score || x.member.name.localeCompare(y.member.name))
    .slice(0, limit)
    .map((s) => s.member);
}
