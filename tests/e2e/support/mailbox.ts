// The mail the app sent over SMTP to the e2e server's catcher (scripts/e2e-server.ts), and a
// call of the unread-email cron route as Vercel Cron makes it.
import { expect } from "@playwright/test";

export type Mail = { id: number; to: string[]; subject: string; text: string; headers: Record<string, string> };

export async function mailbox(): Promise<Mail[]> {
  const base = process.env.E2E_CONTROL_URL;
  if (!base) throw new Error("E2E_CONTROL_URL is not set (playwright.config.ts sets it)");
  const response = await fetch(`${base}/mail`);
  if (!response.ok) throw new Error(`mailbox: ${response.status}`);
  return (await response.json()) as Mail[];
}

export const mailFor = async (address: string, match: (mail: Mail) => boolean = () => true) =>
  (await mailbox()).filter((m) => m.to.includes(address) && match(m));

/** Waits for the first message to `address` that `match`es. */
export async function waitForMail(address: string, match: (mail: Mail) => boolean = () => true, timeout = 30_000): Promise<Mail> {
  await expect.poll(async () => (await mailFor(address, match)).length, { timeout }).toBeGreaterThan(0);
  return (await mailFor(address, match))[0];
}

/** The app link in a message's text with this path (absolute, as mailed). */
export function linkIn(mail: Mail, pathname: string | RegExp): URL {
  const found = (mail.text.match(/https?:\/\/\S+/g) ?? [])
    .map((u) => new URL(u))
    .find((u) => (typeof pathname === "string" ? u.pathname === pathname : pathname.test(u.pathname)));
  if (!found) throw new Error(`no ${pathname} link in: ${mail.text}`);
  return found;
}

export async function runNotificationCron(baseURL: string): Promise<{ status: number; body: Record<string, number> }> {
  const response = await fetch(`${baseURL}/api/cron/notifications`, { headers: { authorization: `Bearer ${process.env.E2E_CRON_SECRET}` } });
  return { status: response.status, body: (await response.json()) as Record<string, number> };
}
