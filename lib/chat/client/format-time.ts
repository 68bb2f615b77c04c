// Date wording for the chat UI, in an explicit time zone so the server's render (UTC) and the
// browser's re-render (its own zone) are both deterministic.
const LOCALE = "en-GB";
const MINUTE = 60_000;

const formatters = new Map<string, Intl.DateTimeFormat>();
function format(date: Date, timeZone: string, options: Intl.DateTimeFormatOptions, locale = LOCALE): string {
  const key = `${locale}|${timeZone}|${JSON.stringify(options)}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, { ...options, timeZone });
    formatters.set(key, formatter);
  }
  return formatter.format(date);
}

/** Calendar day in the zone, as YYYY-MM-DD (sorts and compares as text). */
export function dayKey(date: Date, timeZone: string): string {
  return format(date, timeZone, { year: "numeric", month: "2-digit", day: "2-digit" }, "en-CA");
}

function daysBetween(date: Date, now: Date, timeZone: string): number {
  const a = Date.parse(dayKey(date, timeZone));
  const b = Date.parse(dayKey(now, timeZone));
  return Math.round((b - a) / (24 * 60 * MINUTE));
}

const clock = (date: Date, timeZone: string) => format(date, timeZone, { hour: "2-digit", minute: "2-digit" });

export function fullDate(iso: string, timeZone: string): string {
  return format(new Date(iso), timeZone, { dateStyle: "full", timeStyle: "short" });
}

/** Room list: "now", "12 min", "14:05", "Yesterday", "Mon", "23 Nov", "23 Nov 2025". */
export function listTime(iso: string, now: number, timeZone: string): string {
  const date = new Date(iso);
  const ago = now - date.getTime();
  if (ago < MINUTE) return "now";
  if (ago < 60 * MINUTE) return `${Math.floor(ago / MINUTE)} min`;
  const days = daysBetween(date, new Date(now), timeZone);
  if (days <= 0) return clock(date, timeZone);
  if (days === 1) return "Yesterday";
  if (days < 7) return format(date, timeZone, { weekday: "short" });
  const sameYear = dayKey(date, timeZone).slice(0, 4) === dayKey(new Date(now), timeZone).slice(0, 4);
  return format(date, timeZone, sameYear ? { day: "numeric", month: "short" } : { day: "numeric", month: "short", year: "numeric" });
}

/** Beside a message (its day is in the separator above): "just now", "5 min ago", "14:05". */
export function messageTime(iso: string, now: number, timeZone: string): string {
  const date = new Date(iso);
  const ago = now - date.getTime();
  if (ago < MINUTE) return "just now";
  if (ago < 60 * MINUTE) return `${Math.floor(ago / MINUTE)} min ago`;
  return clock(date, timeZone);
}

/** Day separator: "Today", "Yesterday", "Monday 23 November", "Monday 23 November 2025". */
export function dayLabel(iso: string, now: number, timeZone: string): string {
  const date = new Date(iso);
  const days = daysBetween(date, new Date(now), timeZone);
  if (days === 0) return "Today";
  if (days === 1) return "Yesterday";
  const sameYear = dayKey(date, timeZone).slice(0, 4) === dayKey(new Date(now), timeZone).slice(0, 4);
  return format(
    date,
    timeZone,
    sameYear ? { weekday: "long", day: "numeric", month: "long" } : { weekday: "long", day: "numeric", month: "long", year: "numeric" },
  );
}

/** A job's date and time: "Thu 4 Dec, 09:00" ("Thu 4 Dec 2025, 09:00" in another year). */
export function jobTime(iso: string, now: number, timeZone: string): string {
  const date = new Date(iso);
  const sameYear = dayKey(date, timeZone).slice(0, 4) === dayKey(new Date(now), timeZone).slice(0, 4);
  const day = format(
    date,
    timeZone,
    sameYear ? { weekday: "short", day: "numeric", month: "short" } : { weekday: "short", day: "numeric", month: "short", year: "numeric" },
  );
  return `${day}, ${clock(date, timeZone)}`;
}

/** A calendar day in words: "10 November 2026". */
export function longDay(iso: string, timeZone: string): string {
  return format(new Date(iso), timeZone, { day: "numeric", month: "long", year: "numeric" });
}
