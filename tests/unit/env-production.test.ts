// The production rules themselves (the processes that apply them are spawned in
// tests/integration/production-refusal.test.ts and tests/e2e/production-config.spec.ts).
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { describeProblems, isProductionEnv, NEXTAUTH_SECRET_MIN_BYTES, productionProblems } from "@/lib/env-production";
import { DEFAULT_CREDENTIALS, randomCredentials } from "@/realtime-server";

const sound = {
  NODE_ENV: "production",
  DATABASE_URL: "postgresql://app:pw@db.example:5432/jobchat",
  PUSHER_APP_ID: "1234567",
  PUSHER_KEY: "3f1c0e9a7b2d4c5e6f70",
  PUSHER_SECRET: "9d8c7b6a5f4e3d2c1b0a",
  NEXTAUTH_SECRET: "q2c9Zb1mV0x8RkT4yN7pL3sW6hJ5dF0gA1eU2iO3",
  TRUSTED_PROXY_HOPS: "1",
  MARKETPLACE_API_TOKEN: "mk_8Qz3xV1pL0sR7tY2wN5bC4dF6gH9jK0aE",
  S3_BUCKET: "jobchat-photos",
  S3_ACCESS_KEY_ID: "AKIAQ3EGRJX7EXAMPLE9",
  S3_SECRET_ACCESS_KEY: "p9Rk2vXw7LmN4qT8sY1bZ6cH3jF0gD5eA2uI7oK4",
  SMTP_URL: "smtps://mailer:pw@smtp.example:465",
  MAIL_FROM: "JobChat <no-reply@jobs.example>",
  VAPID_PUBLIC_KEY: "BNcRdreALRFXTkOOUHK1EtK2wtaz5Ry4YfYCA_0QTpQtUbVlUls0VJXg7A8u-Ts1XbjhazAkj7I99e8QcYP7DkM",
  VAPID_PRIVATE_KEY: "tUxbf-Mnf8Q9hS3LCJ1oa3jF4v1_xnV3WcFhZ0iW5pQ",
  VAPID_SUBJECT: "mailto:ops@example.com",
};
const noStorage = { S3_BUCKET: undefined, S3_ACCESS_KEY_ID: undefined, S3_SECRET_ACCESS_KEY: undefined };
const faults = (source: Record<string, string | undefined>) => productionProblems(source).map((p) => `${p.variable}:${p.reason}`);

describe("production configuration rules", () => {
  it("accepts a fully configured production and checks nothing outside production", () => {
    expect(productionProblems(sound)).toEqual([]);
    expect(productionProblems({ NODE_ENV: "development" })).toEqual([]);
    expect(productionProblems({ NODE_ENV: "test", PUSHER_SECRET: "app-secret" })).toEqual([]);
  });

  it("treats NODE_ENV=production and VERCEL=1 alike", () => {
    expect(isProductionEnv({ NODE_ENV: "production" })).toBe(true);
    expect(isProductionEnv({ NODE_ENV: "development", VERCEL: "1" })).toBe(true);
    expect(isProductionEnv({ NODE_ENV: "development" })).toBe(false);
    expect(faults({ VERCEL: "1" })).toEqual([
      "DATABASE_URL:missing",
      "PUSHER_APP_ID:missing",
      "PUSHER_KEY:missing",
      "PUSHER_SECRET:missing",
      "NEXTAUTH_SECRET:missing",
      "CRON_SECRET:missing",
      "MARKETPLACE_API_TOKEN:missing",
      "S3_BUCKET:missing",
      "S3_ACCESS_KEY_ID:missing",
      "S3_SECRET_ACCESS_KEY:missing",
      "SMTP_URL:missing",
      "MAIL_FROM:missing",
      "VAPID_PUBLIC_KEY:missing",
      "VAPID_PRIVATE_KEY:missing",
      "VAPID_SUBJECT:missing",
    ]);
  });

  it("on Vercel, wants S3-compatible storage for photos and files (a function's disk does not last), with real credentials", () => {
    const vercel = { ...sound, VERCEL: "1", CRON_SECRET: "k3Jd8sQ0pLr5Vt2Yx9Wz" };
    expect(faults({ ...vercel, ...noStorage })).toEqual(["S3_BUCKET:missing", "S3_ACCESS_KEY_ID:missing", "S3_SECRET_ACCESS_KEY:missing"]);
    expect(faults({ ...vercel, S3_BUCKET: " " })).toEqual(["S3_BUCKET:missing"]);
    expect(faults({ ...vercel, S3_ACCESS_KEY_ID: "minioadmin", S3_SECRET_ACCESS_KEY: "S3RVER" })).toEqual([
      "S3_ACCESS_KEY_ID:known_default",
      "S3_SECRET_ACCESS_KEY:known_default",
    ]);
    expect(faults(vercel)).toEqual([]);
    // Off Vercel, one server's own disk will do; a bucket set there still needs its keys.
    expect(faults({ ...sound, ...noStorage })).toEqual([]);
    expect(faults({ ...sound, ...noStorage, S3_BUCKET: "photos" })).toEqual(["S3_ACCESS_KEY_ID:missing", "S3_SECRET_ACCESS_KEY:missing"]);
  });

  it("on Vercel, wants the cron secret that guards the outbox drain, and refuses a placeholder", () => {
    const vercel = { ...sound, VERCEL: "1" };
    expect(faults(vercel)).toEqual(["CRON_SECRET:missing"]);
    expect(faults({ ...vercel, CRON_SECRET: "  " })).toEqual(["CRON_SECRET:missing"]);
    expect(faults({ ...vercel, CRON_SECRET: "changeme" })).toEqual(["CRON_SECRET:known_default"]);
    expect(faults({ ...vercel, CRON_SECRET: "k3Jd8sQ0pLr5Vt2Yx9Wz" })).toEqual([]);
    // A long-lived server drains in-process: the cron route is optional there.
    expect(faults(sound)).toEqual([]);
  });

  it("wants a mail server and a From address, and refuses blank ones", () => {
    const { SMTP_URL: _, MAIL_FROM: __, ...mailless } = sound;
    expect(faults(mailless)).toEqual(["SMTP_URL:missing", "MAIL_FROM:missing"]);
    expect(faults({ ...sound, SMTP_URL: " ", MAIL_FROM: "\t" })).toEqual(["SMTP_URL:missing", "MAIL_FROM:missing"]);
  });

  it("refuses empty and whitespace-only values as missing", () => {
    expect(faults({ ...sound, PUSHER_SECRET: "", DATABASE_URL: " ", NEXTAUTH_SECRET: "\t\n" })).toEqual([
      "DATABASE_URL:missing",
      "PUSHER_SECRET:missing",
      "NEXTAUTH_SECRET:missing",
    ]);
  });

  it("off Vercel, wants the proxy count said out loud, 0 included", () => {
    const { TRUSTED_PROXY_HOPS: _, ...unsaid } = sound;
    expect(faults(unsaid)).toEqual(["TRUSTED_PROXY_HOPS:missing"]);
    expect(faults({ ...unsaid, TRUSTED_PROXY_HOPS: " " })).toEqual(["TRUSTED_PROXY_HOPS:missing"]);
    expect(faults({ ...unsaid, TRUSTED_PROXY_HOPS: "0" })).toEqual([]);
    // Vercel's own header names the client: nothing to say there.
    expect(faults({ ...unsaid, VERCEL: "1", CRON_SECRET: "k3Jd8sQ0pLr5Vt2Yx9Wz" })).toEqual([]);
  });

  it("refuses Soketi's defaults, which are the embedded realtime server's, in any case", () => {
    expect(
      faults({ ...sound, PUSHER_APP_ID: DEFAULT_CREDENTIALS.appId, PUSHER_KEY: DEFAULT_CREDENTIALS.key, PUSHER_SECRET: " APP-SECRET " }),
    ).toEqual(["PUSHER_APP_ID:known_default", "PUSHER_KEY:known_default", "PUSHER_SECRET:known_default"]);
    const fresh = randomCredentials();
    expect(faults({ ...sound, PUSHER_APP_ID: fresh.appId, PUSHER_KEY: fresh.key, PUSHER_SECRET: fresh.secret })).toEqual([]);
  });

  it("refuses every value .env.example gives a checked variable", () => {
    const example = Object.fromEntries(
      readFileSync(".env.example", "utf8")
        .split("\n")
        .filter((line) => /^[A-Z_]+=/.test(line))
        .map((line) => [line.slice(0, line.indexOf("=")), line.slice(line.indexOf("=") + 1)]),
    );
    const checked = [
      "DATABASE_URL",
      "PUSHER_APP_ID",
      "PUSHER_KEY",
      "PUSHER_SECRET",
      "NEXTAUTH_SECRET",
      "TRUSTED_PROXY_HOPS",
      "MARKETPLACE_API_TOKEN",
      "SMTP_URL",
      "MAIL_FROM",
      "VAPID_PUBLIC_KEY",
      "VAPID_PRIVATE_KEY",
      "VAPID_SUBJECT",
    ];
    expect(Object.keys(example)).toEqual(expect.arrayContaining(checked));
    // Empty there, so a copied .env.example keeps local development on the embedded defaults.
    expect(faults({ ...example, NODE_ENV: "production" }).map((f) => f.split(":")[0])).toEqual(checked);
  });

  it(`measures NEXTAUTH_SECRET in UTF-8 bytes: at least ${NEXTAUTH_SECRET_MIN_BYTES}`, () => {
    const secret = (value: string) => faults({ ...sound, NEXTAUTH_SECRET: value });
    expect(secret("a".repeat(31))).toEqual(["NEXTAUTH_SECRET:too_short"]);
    expect(secret("a".repeat(32))).toEqual([]);
    // 10 CJK characters are 30 bytes, 11 are 33: the byte count decides, not the character count.
    expect(secret("秘".repeat(10))).toEqual(["NEXTAUTH_SECRET:too_short"]);
    expect(secret("秘".repeat(11))).toEqual([]);
    // An emoji is 4 bytes (and 2 UTF-16 units): 7 are 28 bytes, 8 are 32.
    expect(secret("🔑".repeat(7))).toEqual(["NEXTAUTH_SECRET:too_short"]);
    expect(secret("🔑".repeat(8))).toEqual([]);
    // Hebrew letters are 2 bytes each, right to left: 15 are 30 bytes, 16 are 32.
    expect(secret("ס".repeat(15))).toEqual(["NEXTAUTH_SECRET:too_short"]);
    expect(secret("ס".repeat(16))).toEqual([]);
  });

  it("wants the marketplace's token for POST /api/jobs/{id}/assignment: set, no placeholder, at least 32 UTF-8 bytes", () => {
    const token = (value: string | undefined) => faults({ ...sound, MARKETPLACE_API_TOKEN: value });
    expect(token(undefined)).toEqual(["MARKETPLACE_API_TOKEN:missing"]);
    expect(token(" \t")).toEqual(["MARKETPLACE_API_TOKEN:missing"]);
    expect(token("changeme")).toEqual(["MARKETPLACE_API_TOKEN:known_default"]);
    expect(token(" Your-Secret-Here ")).toEqual(["MARKETPLACE_API_TOKEN:known_default"]);
    expect(token("a".repeat(31))).toEqual(["MARKETPLACE_API_TOKEN:too_short"]);
    expect(token("a".repeat(32))).toEqual([]);
    // Bytes, not characters: CJK 3 bytes each, emoji 4, Hebrew (right to left) 2.
    expect(token("鍵".repeat(10))).toEqual(["MARKETPLACE_API_TOKEN:too_short"]);
    expect(token("鍵".repeat(11))).toEqual([]);
    expect(token("🔑".repeat(7))).toEqual(["MARKETPLACE_API_TOKEN:too_short"]);
    expect(token("🔑".repeat(8))).toEqual([]);
    expect(token("ס".repeat(15))).toEqual(["MARKETPLACE_API_TOKEN:too_short"]);
    expect(token("ס".repeat(16))).toEqual([]);
    // Outside production the route simply does not exist without it.
    expect(faults({ NODE_ENV: "development" })).toEqual([]);
  });

  it("wants the deployment's VAPID identity for Web Push, and refuses private push endpoints", () => {
    const { VAPID_PUBLIC_KEY: _p, VAPID_PRIVATE_KEY: _k, VAPID_SUBJECT: _s, ...none } = sound;
    expect(faults(none)).toEqual(["VAPID_PUBLIC_KEY:missing", "VAPID_PRIVATE_KEY:missing", "VAPID_SUBJECT:missing"]);
    expect(faults({ ...sound, VAPID_PRIVATE_KEY: "  " })).toEqual(["VAPID_PRIVATE_KEY:missing"]);
    // The tests' switch for http endpoints on loopback: never in production, in any spelling.
    for (const on of ["1", "true", " TRUE "]) {
      expect(faults({ ...sound, PUSH_ALLOW_PRIVATE_ENDPOINTS: on })).toEqual(["PUSH_ALLOW_PRIVATE_ENDPOINTS:development_only"]);
    }
    expect(faults({ ...sound, PUSH_ALLOW_PRIVATE_ENDPOINTS: "0" })).toEqual([]);
    expect(productionProblems({ NODE_ENV: "test", PUSH_ALLOW_PRIVATE_ENDPOINTS: "1" })).toEqual([]);
    expect(describeProblems(productionProblems({ ...sound, PUSH_ALLOW_PRIVATE_ENDPOINTS: "1" }))).toContain(
      "PUSH_ALLOW_PRIVATE_ENDPOINTS is for tests and local development only",
    );
  });

  it("names each variable and never its value", () => {
    const message = describeProblems(productionProblems({ ...sound, PUSHER_SECRET: "app-secret", NEXTAUTH_SECRET: "hunter2-but-short" }));
    expect(message).toContain("PUSHER_SECRET is a publicly known default");
    expect(message).toContain("NEXTAUTH_SECRET is shorter than 32 bytes");
    expect(message).not.toContain("app-secret");
    expect(message).not.toContain("hunter2");
  });
});
