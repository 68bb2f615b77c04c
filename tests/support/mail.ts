// A real SMTP receiver for a test file (scripts/mail-catcher.ts on a free port) with SMTP_URL
// pointed at it, and ways to wait for what arrives.
import { expect } from "vitest";
import { resetEnvCache } from "@/lib/env";
import { type CaughtMail, type MailCatcher, startMailCatcher } from "@/scripts/mail-catcher";

export type { CaughtMail };

export async function ownMailServer(): Promise<MailCatcher & { restore(): Promise<void> }> {
  const saved = process.env.SMTP_URL;
  const catcher = await startMailCatcher();
  process.env.SMTP_URL = catcher.smtpUrl;
  resetEnvCache();
  return {
    ...catcher,
    async restore() {
      if (saved === undefined) delete process.env.SMTP_URL;
      else process.env.SMTP_URL = saved;
      resetEnvCache();
      await catcher.close();
    },
  };
}

export const mailTo = (catcher: MailCatcher, address: string) => catcher.messages.filter((m) => m.to.includes(address));

/** Waits until `address` has received `count` messages, and returns them. */
export async function waitForMail(catcher: MailCatcher, address: string, count = 1): Promise<CaughtMail[]> {
  await expect.poll(() => mailTo(catcher, address).length, { timeout: 10_000 }).toBeGreaterThanOrEqual(count);
  return mailTo(catcher, address);
}

/** The first link in a message's text that starts with `prefix` (an absolute app URL). */
export function linkIn(mail: CaughtMail, pathname: string): URL {
  const found = mail.text
    .match(/https?:\/\/\S+/g)
    ?.map((u) => new URL(u))
    .find((u) => u.pathname === pathname);
  if (!found) throw new Error(`no ${pathname} link in: ${mail.text}`);
  return found;
}
