// Formatting for admin pages: UTC throughout, so every admin reads the same times.
const dateTime = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
const number = new Intl.NumberFormat("en-GB");

export const formatDateTime = (d: Date) => `${dateTime.format(d)} UTC`;
export const formatNumber = (n: number) => number.format(n);
export const formatMs = (seconds: number | null) =>
  seconds === null ? "–" : seconds === Number.POSITIVE_INFINITY ? "> 2.5 s" : `≤ ${number.format(seconds * 1000)} ms`;
