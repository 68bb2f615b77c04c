// Runs in each test worker before any test file: points lib/env at the throw-away database.
import { randomBytes } from "node:crypto";
import { inject } from "vitest";
import { pusherEnv } from "@/realtime-server";

process.env.DATABASE_URL = inject("databaseUrl");
process.env.NEXTAUTH_SECRET ??= randomBytes(32).toString("base64url");
process.env.LOG_LEVEL ??= "silent";
// Uploads (local-disk storage driver) go to a throw-away folder, never .data/uploads.
process.env.UPLOADS_DIR ??= inject("uploadsDir");

const realtime = inject("realtime");
Object.assign(process.env, pusherEnv(realtime));
