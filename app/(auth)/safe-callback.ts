/** Where to go after signing in: a page of this site only (never another origin). */
export function safeCallback(raw: string | null, origin: string): string {
  if (!raw) return "/";
  try {
    const url = new URL(raw, origin);
    if (url.origin !== origin || url.pathname.startsWith("/login") || url.pathname.startsWith("/register")) return "/";
    return `${url.pathname}${url.search}`;
  } catch {
    return "/";
  }
}
