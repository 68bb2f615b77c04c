import "server-only";
// Outgoing mail: one nodemailer SMTP transport from SMTP_URL (pooled, reused across calls).
// Production requires SMTP_URL and MAIL_FROM (lib/env-production.ts); locally scripts/run.ts
// starts a mail catcher and sets both. With SMTP_URL unset (a bare `next dev`, most tests) a
// message is logged and dropped, never sent anywhere.
import nodemailer, { type Transporter } from "nodemailer";
import { env } from "@/lib/env";
import { log } from "@/lib/log";

export type Mail = {
  to: string;
  subject: string;
  text: string;
  html: string;
  headers?: Record<string, string>;
};

const DEV_FROM = "JobChat <no-reply@localhost>";

const globalForMail = globalThis as unknown as { mailTransport?: { url: string; transport: Transporter } };

function transport(url: string): Transporter {
  const cached = globalForMail.mailTransport;
  if (cached?.url === url) return cached.transport;
  cached?.transport.close();
  const created = nodemailer.createTransport(url);
  globalForMail.mailTransport = { url, transport: created };
  return created;
}

/** Sends one message; false when no mail server is configured. A refused send throws. */
export async function sendMail(mail: Mail): Promise<boolean> {
  const e = env();
  if (!e.SMTP_URL) {
    log.warn({ event: "mail.dropped", subject: mail.subject }, "SMTP_URL is not set: mail not sent");
    return false;
  }
  const info = await transport(e.SMTP_URL).sendMail({ from: e.MAIL_FROM ?? DEV_FROM, ...mail });
  log.info({ event: "mail.sent", subject: mail.subject, message_id: info.messageId }, "mail sent");
  return true;
}

/** Absolute link into the app (NEXTAUTH_URL is the public origin). */
export function appUrl(pathname: string, query: Record<string, string> = {}): string {
  const url = new URL(pathname, env().NEXTAUTH_URL ?? "http://localhost:3000");
  for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value);
  return url.toString();
}

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
/** Text for an HTML body: user-written names and previews never become markup. */
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
