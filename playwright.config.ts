// Browser tests: real Chromium (Debian's, see ENVIRONMENT.md) against `next start` on a
// throw-away database and realtime server (scripts/e2e-server.ts). Needs `next build` first.
import { randomBytes } from "node:crypto";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3217);
const controlPort = Number(process.env.E2E_CONTROL_PORT ?? 3218);
const baseURL = `http://localhost:${port}`;

// Chromium's profile, crash dumps and caches stay inside the project (git-ignored .cache/).
const cache = path.join(process.cwd(), ".cache", "playwright");
for (const dir of ["tmp", "config", "cache"]) mkdirSync(path.join(cache, dir), { recursive: true });
const browserEnv = {
  ...process.env,
  TMPDIR: path.join(cache, "tmp"),
  XDG_CONFIG_HOME: path.join(cache, "config"),
  XDG_CACHE_HOME: path.join(cache, "cache"),
};
process.env.E2E_CONTROL_URL = `http://127.0.0.1:${controlPort}`;
// The marketplace's token for this run: the e2e server gives it to the app, and
// tests/e2e/job-room.spec.ts presents it (workers inherit it from here).
process.env.E2E_MARKETPLACE_API_TOKEN ??= randomBytes(32).toString("base64url");
// The e2e server's CRON_SECRET, so specs can call the cron routes as Vercel Cron would.
process.env.E2E_CRON_SECRET ??= randomBytes(24).toString("base64url");

export default defineConfig({
  testDir: "tests/e2e",
  outputDir: "test-results",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
      env: browserEnv,
    },
  },
  projects: [
    { name: "setup", testMatch: /auth\.setup\.ts$/ },
    {
      name: "chromium",
      use: { ...devices["Desktop Chrome"] },
      dependencies: ["setup"],
      // docs/screenshots are taken on demand (`npm run screenshots`), not in every test run.
      testIgnore: process.env.E2E_SCREENSHOTS === "1" ? [/auth\.setup\.ts$/] : [/auth\.setup\.ts$/, /screenshots\.spec\.ts$/],
    },
  ],
  webServer: {
    command: "node node_modules/tsx/dist/cli.mjs --conditions=react-server scripts/e2e-server.ts",
    url: `${baseURL}/api/health`,
    timeout: 180_000,
    reuseExistingServer: process.env.E2E_REUSE_SERVER === "1",
    stdout: "pipe",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
    env: {
      E2E_PORT: String(port),
      E2E_CONTROL_PORT: String(controlPort),
      E2E_MARKETPLACE_API_TOKEN: process.env.E2E_MARKETPLACE_API_TOKEN,
      E2E_CRON_SECRET: process.env.E2E_CRON_SECRET,
    },
  },
});
