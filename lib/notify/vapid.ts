import "server-only";
// The VAPID identity our Web Push messages are signed with (RFC 8292). Production requires the
// keys (lib/env-production.ts); `npm run dev`/`npm start` generate a pair into .data/ when unset
// (scripts/local-secrets.ts). Without keys, Web Push is off and nothing is sent.
import { env } from "@/lib/env";

export type Vapid = { publicKey: string; privateKey: string; subject: string };

export function vapid(): Vapid | null {
  const e = env();
  if (!e.VAPID_PUBLIC_KEY || !e.VAPID_PRIVATE_KEY) return null;
  return { publicKey: e.VAPID_PUBLIC_KEY, privateKey: e.VAPID_PRIVATE_KEY, subject: e.VAPID_SUBJECT ?? "mailto:push@localhost" };
}

/** What the browser subscribes with: the public key alone, or null when Web Push is off. */
export const vapidPublicKey = (): string | null => vapid()?.publicKey ?? null;
