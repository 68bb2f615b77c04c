// GET /api/health through its route handler: a production configured with development defaults
// answers 503 naming the variables (never their values), and env() refuses to hand them out.
import { afterEach, describe, expect, it } from "vitest";
import { GET } from "@/app/api/health/route";
import { env, resetEnvCache } from "@/lib/env";
import { call, request } from "@/tests/support/http";

const KEYS = ["VERCEL", "PUSHER_SECRET", "PUSHER_KEY", "NEXTAUTH_SECRET", "CRON_SECRET", "MARKETPLACE_API_TOKEN"] as const;
const MARKETPLACE_API_TOKEN = "mk_health_7Rv2Lq9Xw4Tz1Pn6Yb3Kd8Hs5Gf0Jc";
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
      MARKETPLACE_API_TOKEN,
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
    setEnv({ VERCEL: "1", CRON_SECRET: "k3Jd8sQ0pLr5Vt2Yx9Wz", MARKETPLACE_API_TOKEN });
    const res = await call(GET, await request(null, "GET", "/api/health"));
    expect(res.body).toMatchObject({ ok: true, config: "ok", database: "up", realtime: "up" });
    expect(res.status).toBe(200);
  });
});
