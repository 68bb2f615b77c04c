// The production build itself refuses development defaults: `next start` (NODE_ENV=production)
// exits non-zero naming the variable, and on Vercel, where an instance cannot exit, every route
// fails while GET /api/health answers 503 naming the variables at fault.
import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { freePort } from "@/scripts/db/free-port";
import { expect, test } from "./support/fixtures";

const NEXT = path.join(process.cwd(), "node_modules", "next", "dist", "bin", "next");
const sound = {
  DATABASE_URL: "postgresql://127.0.0.1:1/never_reached",
  PUSHER_APP_ID: "1234567",
  PUSHER_KEY: "3f1c0e9a7b2d4c5e6f70",
  PUSHER_SECRET: "9d8c7b6a5f4e3d2c1b0a-never-printed",
  NEXTAUTH_SECRET: "q2c9Zb1mV0x8RkT4yN7pL3sW6hJ5dF0gA1eU2iO3-never-printed",
  TRUSTED_PROXY_HOPS: "1",
  CRON_SECRET: "k3Jd8sQ0pLr5Vt2Yx9Wz-never-printed",
  MARKETPLACE_API_TOKEN: "mk_8Qz3xV1pL0sR7tY2wN5bC4dF6gH9jK0aE-never-printed",
  S3_BUCKET: "jobchat-photos",
  S3_ACCESS_KEY_ID: "AKIAQ3EGRJX7EXAMPLE9",
  S3_SECRET_ACCESS_KEY: "p9Rk2vXw7LmN4qT8sY1bZ6cH3jF0gD5eA2uI7oK4-never-printed",
  SMTP_URL: "smtp://127.0.0.1:1",
  MAIL_FROM: "JobChat <no-reply@jobs.example>",
  VAPID_PUBLIC_KEY: "BNcRdreALRFXTkOOUHK1EtK2wtaz5Ry4YfYCA_0QTpQtUbVlUls0VJXg7A8u-Ts1XbjhazAkj7I99e8QcYP7DkM",
  VAPID_PRIVATE_KEY: "tUxbf-Mnf8Q9hS3LCJ1oa3jF4v1_xnV3WcFhZ0iW5pQ",
  VAPID_SUBJECT: "mailto:ops@example.com",
};

type Started = { child: ChildProcess; output: () => string; exited: Promise<number | null> };

function nextStart(port: number, extra: Record<string, string>): Started {
  const child = spawn(process.execPath, [NEXT, "start", "-p", String(port)], {
    env: { PATH: process.env.PATH, HOME: process.env.HOME, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production", ...extra },
  });
  let out = "";
  child.stdout?.on("data", (chunk: Buffer) => (out += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (out += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, output: () => out, exited };
}

async function stop(started: Started): Promise<void> {
  if (started.child.exitCode === null) started.child.kill("SIGTERM");
  await started.exited;
}

test.describe("next start with a value the environment schema refuses", () => {
  for (const [name, value] of [
    ["RATE_LIMIT_SEND_MAX", "abc"],
    ["LOG_LEVEL", "loud"],
  ] as const) {
    test(`exits non-zero at boot, naming ${name}`, async () => {
      const started = nextStart(await freePort(), { ...sound, [name]: value });
      try {
        expect(await started.exited).not.toBe(0);
        expect(started.output()).toContain(`${name} has an invalid value`);
        expect(started.output()).not.toContain(value);
      } finally {
        await stop(started);
      }
    });
  }
});

test.describe("next start with development defaults", () => {
  for (const [name, value, reason] of [
    ["PUSHER_SECRET", "app-secret", "is a publicly known default"],
    ["PUSHER_APP_ID", "", "is not set"],
    ["NEXTAUTH_SECRET", "🔑".repeat(7), "is shorter than 32 bytes"],
    ["DATABASE_URL", " ", "is not set"],
  ] as const) {
    test(`exits non-zero when ${name} ${reason}`, async () => {
      const started = nextStart(await freePort(), { ...sound, [name]: value });
      try {
        expect(await started.exited).not.toBe(0);
        expect(started.output()).toContain(`${name} ${reason}`);
        if (value.trim()) expect(started.output()).not.toContain(value);
      } finally {
        await stop(started);
      }
    });
  }

  test("on Vercel, answers /api/health 503 naming the variables and refuses the app's routes", async ({ request }) => {
    const port = await freePort();
    const started = nextStart(port, { ...sound, VERCEL: "1", PUSHER_SECRET: "app-secret", PUSHER_KEY: "app-key" });
    try {
      const health = `http://127.0.0.1:${port}/api/health`;
      await expect.poll(async () => (await request.get(health).catch(() => null))?.status() ?? 0, { timeout: 30_000 }).toBe(503);
      const answer = await request.get(health);
      const body = await answer.json();
      expect(body).toMatchObject({ ok: false, config: "invalid" });
      expect(body.config_problems).toEqual([
        { variable: "PUSHER_KEY", reason: "known_default" },
        { variable: "PUSHER_SECRET", reason: "known_default" },
      ]);
      expect(await answer.text()).not.toContain("app-secret");
      const config = await request.get(`http://127.0.0.1:${port}/api/realtime/config`);
      expect(config.status()).toBe(500);
      expect(await config.text()).not.toContain("app-key");
      const page = await request.get(`http://127.0.0.1:${port}/login`);
      expect(page.status()).toBe(500);
      expect(started.output()).toContain("PUSHER_SECRET is a publicly known default");
    } finally {
      await stop(started);
    }
  });
});

test("the e2e server's production build runs on its generated credentials", async ({ request }) => {
  const answer = await request.get("/api/health");
  expect(answer.status()).toBe(200);
  expect(await answer.json()).toMatchObject({ ok: true, config: "ok", database: "up", realtime: "up" });
});
