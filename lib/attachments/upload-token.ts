import "server-only";
// The local-disk driver's stand-in for a presigned PUT: the app's own upload route takes the
// bytes only with a token naming the upload and when it expires, signed with a key derived from
// NEXTAUTH_SECRET (required in production), so it cannot be made or stretched by a client.
import { createHmac, timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";

function key(): Buffer {
  const secret = env().NEXTAUTH_SECRET;
  if (!secret) throw new AppError("unavailable", "NEXTAUTH_SECRET is not set");
  return createHmac("sha256", secret).update("jobchat upload token v1").digest();
}

const mac = (uploadId: string, expiresAt: number) => createHmac("sha256", key()).update(`${uploadId}.${expiresAt}`).digest();

export function signUploadToken(uploadId: string, expiresAt: Date): string {
  const seconds = Math.floor(expiresAt.getTime() / 1000);
  return `${seconds}.${mac(uploadId, seconds).toString("base64url")}`;
}

export type TokenCheck = "valid" | "invalid" | "expired";

export function checkUploadToken(uploadId: string, token: string, now = Date.now()): TokenCheck {
  const match = /^([0-9]{1,12})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) return "invalid";
  const seconds = Number(match[1]);
  const given = Buffer.from(match[2], "base64url");
  const expected = mac(uploadId, seconds);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return "invalid";
  return seconds * 1000 < now ? "expired" : "valid";
}
