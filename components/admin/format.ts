// Formatting for admin pages. Times show in the viewer's time zone once in the browser
// (components/admin/local-time.tsx), in UTC on the server and as their tooltip.
const dateTime = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
// dateStyle cannot be combined with timeZoneName, hence the spelled-out fields.
const LOCAL: Intl.DateTimeFormatOptions = {
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  timeZoneName: "short",
};
const number = new Intl.NumberFormat("en-GB");

export const formatDateTime = (d: Date) => `${dateTime.format(d)} UTC`;
/** In the runtime's own time zone unless one is given (tests pass one). */
export const formatLocalDateTime = (d: Date, timeZone?: string) => new Intl.DateTimeFormat("en-GB", { ...LOCAL, timeZone }).format(d);
export const formatNumber = (n: number) => number.format(n);
export const formatMs = (seconds: number | null) =>
  seconds === null ? "–" : seconds === Number.POSITIVE_INFINITY ? "> 2.5 s" : `≤ ${number.format(seconds * 1000)} ms`;
