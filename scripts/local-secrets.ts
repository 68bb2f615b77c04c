// Per-checkout secrets for the embedded defaults of `npm run dev` / `npm start`: generated once
// into .data/ (git-ignored, mode 0600) and reused, so sessions and realtime clients survive
// restarts. Never Soketi's public defaults: `npm start` is a production build, and production
// refuses those (lib/env-production.ts).
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import webpush from "web-push";
import { z } from "zod";
import { type Credentials, randomCredentials } from "@/realtime-server";
import { isKnownDefault } from "@/lib/env-production";

const dataDir = () => path.join(process.cwd(), ".data");

function readOrCreate(name: string, create: () => string): string {
  const file = path.join(dataDir(), name);
  if (!existsSync(file)) {
    mkdirSync(dataDir(), { recursive: true });
    writeFileSync(file, create(), { mode: 0o600 });
  }
  return readFileSync(file, "utf8").trim();
}

/** The marketplace's bearer token for a local `npm start` (production requires one): 32 random bytes. */
export function localMarketplaceToken(): string {
  return readOrCreate("marketplace-api-token", () => randomBytes(32).toString("base64url"));
}

/** The session signing secret: 32 random bytes. */
export function localNextAuthSecret(): string {
  return readOrCreate("nextauth-secret", () => randomBytes(32).toString("base64url"));
}

const credentialsSchema = z.object({
  appId: z
    .string()
    .min(1)
    .refine((v) => !isKnownDefault(v)),
  key: z
    .string()
    .min(1)
    .refine((v) => !isKnownDefault(v)),
  secret: z
    .string()
    .min(16)
    .refine((v) => !isKnownDefault(v)),
});

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** The embedded realtime server's app credentials; a damaged or default file is replaced. */
export function localRealtimeCredentials(): Credentials {
  const name = "realtime-credentials.json";
  const create = () => JSON.stringify(randomCredentials());
  const stored = credentialsSchema.safeParse(parseJson(readOrCreate(name, create)));
  if (stored.success) return stored.data;
  const fresh = randomCredentials();
  writeFileSync(path.join(dataDir(), name), JSON.stringify(fresh), { mode: 0o600 });
  return fresh;
}

const vapidSchema = z.object({ publicKey: z.string().regex(/^[A-Za-z0-9_-]{87}$/), privateKey: z.string().regex(/^[A-Za-z0-9_-]{43}$/) });

/** The Web Push VAPID key pair of this checkout; a damaged file is replaced. */
export function localVapidKeys(): { publicKey: string; privateKey: string } {
  const name = "vapid-keys.json";
  const stored = vapidSchema.safeParse(parseJson(readOrCreate(name, () => JSON.stringify(webpush.generateVAPIDKeys()))));
  if (stored.success) return stored.data;
  const fresh = webpush.generateVAPIDKeys();
  writeFileSync(path.join(dataDir(), name), JSON.stringify(fresh), { mode: 0o600 });
  return fresh;
}
