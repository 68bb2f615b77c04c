// The app credentials the server answers to. Soketi's public defaults keep it a drop-in for
// Soketi in development; anyone can sign with them, so with them it only listens on loopback.
import { randomBytes } from "node:crypto";

export type Credentials = { appId: string; key: string; secret: string };

export const DEFAULT_CREDENTIALS: Credentials = { appId: "app-id", key: "app-key", secret: "app-secret" };

/** Fresh random credentials, for a server others must not be able to sign for. */
export function randomCredentials(): Credentials {
  const token = () => randomBytes(24).toString("base64url");
  return { appId: `app-${randomBytes(6).toString("hex")}`, key: token(), secret: token() };
}

export function usesDefaultCredentials(credentials: Credentials): boolean {
  return (
    credentials.appId === DEFAULT_CREDENTIALS.appId ||
    credentials.key === DEFAULT_CREDENTIALS.key ||
    credentials.secret === DEFAULT_CREDENTIALS.secret
  );
}

/** 127.0.0.0/8, ::1 and the name localhost: interfaces no other machine can reach. */
export function isLoopbackHost(host: string): boolean {
  const bare = host
    .trim()
    .toLowerCase()
    .replace(/^\[(.*)\]$/, "$1");
  if (bare === "localhost" || bare === "::1" || bare === "0:0:0:0:0:0:0:1") return true;
  const v4 = /^(?:::ffff:)?127\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(bare);
  return v4?.slice(1).every((part) => Number(part) <= 255) ?? false;
}
