// GET /api/health through its route handler: a production configured with development defaults
// answers 503 naming the variables (never their values), and env() refuses to hand them out.
import { afterEach, describe, expect, it } from "vitest";
import { GET } from "@/app/api/health/route";
import { env, resetEnvCache } from "@/lib/env";
import { call, request } from "@/tests/support/http";

const KEYS = [
  "VERCEL",
  "PUSHER_SECRET",
  "PUSHER_KEY",
  "NEXTAUTH_SECRET",
  "CRON_SECRET",
  "S3_BUCKET",
  "S3_ACCESS_KEY_ID",
  "S3_SECRET_ACCESS_KEY",
  "MARKETPLACE_API_TOKEN",
  "SMTP_URL",
  "MAIL_FROM",
  "VAPID_PUBLIC_KEY",
  "VAPID_PRIVATE_KEY",
  "VAPID_SUBJECT",
] as const;
// Vercel needs S3-compatible storage for photos and files (lib/env-production.ts).
const bucket = {
  S3_BUCKET: "jobchat-photos",
  S3_ACCESS_KEY_ID: "AKIAQ3EGRJX7EXAMPLE9",
  S3_SECRET_ACCESS_KEY: "p9Rk2vXw7LmN4qT8sY1bZ6cH3jF0gD5eA2uI7oK4",
};
// The rest of what production requires (lib/env-production.ts): the marketplace's token, mail and Web Push.
const services = {
  MARKETPLACE_API_TOKEN: "mk_8Qz3xV1pL0sR7tY2wN5bC4dF6gH9jK0aE",
  SMTP_URL: "smtps://mailer:pw@smtp.example:465",
  MAIL_FROM: "JobChat <no-reply@jobs.example>",
  VAPID_PUBLIC_KEY: "BNcRdreALRFXTkOOUHK1EtK2wtaz5Ry4YfYCA_0QTpQtUbVlUls0VJXg7A8u-Ts1XbjhazAkj7I99e8QcYP7DkM",
  VAPID_PRIVATE_KEY: "tUxbf-Mnf8Q9hS3LCJ1oa3jF4v1_xnV3WcFhZ0iW5pQ",
  VAPID_SUBJECT: "mailto:ops@example.com",
};
const saved = Object.fromEntries(KEYS.map((k) => [k, process.env[k]]));

function setEnv(values: Partial<Record<(typeof KEYS)[number], string>>) {
  Object.assign(process.env, values);
  resetEnvCache();
}

afterEach(() => {
  for (const k of KEYS) {
    if (saved[k] === undefined) delete process.env[k];
    else Object.assign(process.env, { [k]: saved[k] });
  }
  resetEnvCache();
});

describe("GET /api/health and the production configuration", () => {
  it("answers 503 naming each variable at fault, without its value", async () => {
    const secret = "秘".repeat(10);
    setEnv({
      VERCEL: "1",
      PUSHER_SECRET: "app-secret",
      PUSHER_KEY: "",
      NEXTAUTH_SECRET: secret,
      CRON_SECRET: "k3Jd8sQ0pLr5Vt2Yx9Wz",
      ...bucket,
      ...services,
    });
    const res = await call(GET, await request(null, "GET", "/api/health"));
    expect(res.status).toBe(503);
    expect(res.body).toMatchObject({ ok: false, config: "invalid", database: "unknown", realtime: "unknown" });
    expect(res.body.config_problems).toEqual([
      { variable: "PUSHER_KEY", reason: "missing" },
      { variable: "PUSHER_SECRET", reason: "known_default" },
      { variable: "NEXTAUTH_SECRET", reason: "too_short" },
    ]);
    const text = JSON.stringify(res.body);
    expect(text).not.toContain("app-secret");
    expect(text).not.toContain(secret);
  });

  it("makes env() refuse, so nothing signs with a default secret", () => {
    setEnv({ VERCEL: "1", PUSHER_SECRET: "app-secret" });
    expect(() => env()).toThrow(/PUSHER_SECRET is a publicly known default/);
  });

  it("answers 200 with config ok once the configuration is sound", async () => {
    setEnv({ VERCEL: "1", CRON_SECRET: "k3Jd8sQ0pLr5Vt2Yx9Wz", ...bucket, ...services });
    const res = await call(GET, await request(null, "GET", "/api/health"));
    expect(res.body).toMatchObject({ ok: true, config: "ok", database: "up", realtime: "up" });
    expect(res.status).toBe(200);
  });
});
