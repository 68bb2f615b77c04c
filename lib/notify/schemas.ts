// Input schemas of Web Push subscriptions (route handlers and server actions share them).
import { z } from "zod";

const base64url = (bytes: number, what: string) =>
  z
    .string()
    .regex(/^[A-Za-z0-9_-]+={0,2}$/, `${what} must be base64url`)
    .refine((s) => Buffer.from(s, "base64url").length === bytes, `${what} must be ${bytes} bytes`);

/** A browser's PushSubscription as its toJSON() gives it (expirationTime is not kept). */
export const pushSubscriptionBodySchema = z
  .object({
    endpoint: z.string().min(1).max(2048),
    expirationTime: z.number().nullable().optional(),
    keys: z
      .object({
        // An uncompressed P-256 public key (65 bytes) and a 16-byte auth secret (RFC 8291).
        p256dh: base64url(65, "keys.p256dh").refine((s) => Buffer.from(s, "base64url")[0] === 4, "keys.p256dh must be an uncompressed P-256 point"),
        auth: base64url(16, "keys.auth"),
      })
      .strict(),
  })
  .strict();
export type PushSubscriptionBody = z.infer<typeof pushSubscriptionBodySchema>;
export const pushUnsubscribeBodySchema = z.object({ endpoint: z.string().min(1).max(2048) }).strict();
