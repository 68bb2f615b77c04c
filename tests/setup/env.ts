// Runs in each test worker before any test file: points lib/env at the throw-away database.
import { randomBytes } from "node:crypto";
import { inject } from "vitest";

process.env.DATABASE_URL = inject("databaseUrl");
process.env.NEXTAUTH_SECRET ??= randomBytes(32).toString("base64url");
process.env.LOG_LEVEL ??= "silent";

const realtime = inject("realtime");
Object.assign(process.env, {
  PUSHER_APP_ID: realtime.appId,
  PUSHER_KEY: realtime.key,
  PUSHER_SECRET: realtime.secret,
  PUSHER_HOST: realtime.host,
  PUSHER_PORT: String(realtime.port),
  PUSHER_USE_TLS: "false",
});
