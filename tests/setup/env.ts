// Runs in each test worker before any test file: points lib/env at the throw-away database.
import { inject } from "vitest";

process.env.DATABASE_URL = inject("databaseUrl");
process.env.NEXTAUTH_SECRET ??= "test-secret-not-for-production";
process.env.LOG_LEVEL ??= "silent";
