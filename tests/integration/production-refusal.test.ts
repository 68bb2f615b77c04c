// Production refuses development defaults, through the real processes: `npm start`
// (scripts/run.ts), `npm run db:migrate`, `npm run build`'s check, the realtime server's CLI.
// (`next start` of the build is spawned in tests/e2e/production-config.spec.ts, after the build.)
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, inject, it } from "vitest";
import { randomCredentials, startRealtimeServer, UnsafeBindError } from "@/realtime-server";

const ROOT = process.cwd();
const TSX = path.join(ROOT, "node_modules", "tsx", "dist", "cli.mjs");
const sound = {
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

/** Only what the test gives: none of this worker's own settings leak into the child. */
function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  // Without NODE_ENV unless the test gives one: that absence is what several cases are about.
  const env: Record<string, string | undefined> = { PATH: process.env.PATH, HOME: process.env.HOME, LOG_LEVEL: "silent", ...extra };
  return env as NodeJS.ProcessEnv;
}

function run(args: string[], extra: Record<string, string>, cwd = ROOT) {
  const child = spawnSync(process.execPath, args, { cwd, env: cleanEnv(extra), encoding: "utf8", timeout: 60_000 });
  return { status: child.status, out: `${child.stdout}${child.stderr}` };
}

describe("npm start (scripts/run.ts) in production", () => {
  const start = (extra: Record<string, string>) => run([TSX, "--conditions=react-server", "scripts/run.ts", "start"], extra);

  it("refuses NODE_ENV=production without a database or secrets, before starting anything", () => {
    const { status, out } = start({ NODE_ENV: "production" });
    expect(status).toBe(1);
    for (const name of ["DATABASE_URL", "PUSHER_APP_ID", "PUSHER_KEY", "PUSHER_SECRET", "NEXTAUTH_SECRET"]) expect(out).toContain(name);
    expect(out).not.toContain('"msg":"database"');
  });

  it("refuses VERCEL=1 with Soketi's default secret and names only that variable", () => {
    const { status, out } = start({ VERCEL: "1", DATABASE_URL: inject("databaseUrl"), ...sound, PUSHER_SECRET: "app-secret" });
    expect(status).toBe(1);
    expect(out).toContain("PUSHER_SECRET is a publicly known default");
    expect(out).not.toMatch(/PUSHER_APP_ID|PUSHER_KEY |NEXTAUTH_SECRET|DATABASE_URL|CRON_SECRET/);
    expect(out).not.toContain("app-secret");
  });

  it("refuses a short NEXTAUTH_SECRET, counted in bytes", () => {
    // 10 CJK characters: 30 bytes.
    const { status, out } = start({ NODE_ENV: "production", DATABASE_URL: inject("databaseUrl"), ...sound, NEXTAUTH_SECRET: "秘".repeat(10) });
    expect(status).toBe(1);
    expect(out).toContain("NEXTAUTH_SECRET is shorter than 32 bytes");
    expect(out).not.toContain("秘");
  });

  it("as a local preview (no NODE_ENV) still refuses a configured default before running next start", () => {
    // DATABASE_URL and NEXTAUTH_SECRET are given so nothing is embedded or written to .data/.
    const { status, out } = start({ DATABASE_URL: inject("databaseUrl"), ...sound, PUSHER_SECRET: "app-secret" });
    expect(status).toBe(1);
    expect(out).toContain('"msg":"database"');
    expect(out).toContain("PUSHER_SECRET is a publicly known default");
    expect(out).not.toContain("Next.js");
  });
});

describe("npm start / npm run dev (scripts/run.ts) with a value the environment schema refuses", () => {
  const start = (mode: string, extra: Record<string, string>) => run([TSX, "--conditions=react-server", "scripts/run.ts", mode], extra);

  it.each([
    ["dev", "RATE_LIMIT_SEND_MAX", "abc"],
    ["dev", "LOG_LEVEL", "loud"],
    ["start", "TRUSTED_PROXY_HOPS", "２"],
    ["dev", "PUSHER_USE_TLS", "نعم"],
  ])("%s refuses %s=%s by name, before starting anything", (mode, name, value) => {
    const { status, out } = start(mode, { DATABASE_URL: inject("databaseUrl"), ...sound, [name]: value });
    expect(status).toBe(1);
    expect(out).toContain(`${name} has an invalid value`);
    expect(out).not.toContain(value);
    expect(out).not.toContain('"msg":"database"');
  });
});

describe("npm run db:migrate in production", () => {
  it.each<Record<string, string>>([{ NODE_ENV: "production" }, { VERCEL: "1" }])(
    "refuses to migrate an embedded database with %o and no DATABASE_URL",
    (extra) => {
      const { status, out } = run([TSX, "scripts/migrate.ts"], extra);
      expect(status).toBe(1);
      expect(out).toContain("DATABASE_URL is not set");
      expect(out).not.toContain('"msg":"migrations"');
    },
  );

  it("migrates a configured DATABASE_URL in production", () => {
    const { status, out } = run([TSX, "scripts/migrate.ts"], { NODE_ENV: "production", DATABASE_URL: inject("databaseUrl") });
    expect(out).toContain('"msg":"migrations"');
    expect(status).toBe(0);
  });
});

describe("npm run build in production", () => {
  const check = (extra: Record<string, string>) => run([TSX, "scripts/check-production-env.ts"], extra);

  it("fails before prisma generate and next build when VERCEL=1 has no DATABASE_URL", () => {
    const npm = spawnSync("npm", ["run", "build"], { cwd: ROOT, env: cleanEnv({ VERCEL: "1", ...sound }), encoding: "utf8", timeout: 60_000 });
    const out = `${npm.stdout}${npm.stderr}`;
    expect(npm.status).not.toBe(0);
    expect(out).toContain("DATABASE_URL is not set");
    expect(out).not.toContain("prisma generate");
    expect(out).not.toContain("Creating an optimized production build");
  });

  it("passes a sound production configuration and any non-production one", () => {
    expect(check({ NODE_ENV: "production", DATABASE_URL: "postgresql://db.example/jobchat", ...sound }).status).toBe(0);
    expect(check({}).status).toBe(0);
    const bad = check({ NODE_ENV: "production", DATABASE_URL: "postgresql://db.example/jobchat", ...sound, PUSHER_KEY: "app-key" });
    expect(bad.status).toBe(1);
    expect(bad.out).toContain("PUSHER_KEY is a publicly known default");
  });
});

describe("embedded realtime server CLI (npm run realtime)", () => {
  const children: ChildProcess[] = [];
  afterAll(() => {
    for (const child of children) child.kill("SIGTERM");
  });

  /** Starts the CLI; resolves with its exit code, or with the port once it listens. */
  function realtime(extra: Record<string, string>): Promise<{ exit: number | null; port?: number; out: string }> {
    const child = spawn(process.execPath, [TSX, "realtime-server/main.ts"], { cwd: ROOT, env: cleanEnv({ REALTIME_PORT: "0", ...extra }) });
    children.push(child);
    let out = "";
    return new Promise((resolve) => {
      const read = (chunk: Buffer) => {
        out += chunk.toString();
        const port = /"msg":"realtime server listening".*"port":(\d+)/.exec(out)?.[1];
        if (port) resolve({ exit: null, port: Number(port), out });
      };
      child.stdout.on("data", read);
      child.stderr.on("data", read);
      child.on("exit", (code) => resolve({ exit: code, out }));
    });
  }

  it.each(["0.0.0.0", "::", "192.0.2.10"])("refuses to listen on %s with the default credentials", async (host) => {
    const result = await realtime({ REALTIME_HOST: host });
    expect(result.exit).toBe(1);
    expect(result.out).toContain(`Refusing to listen on ${host} with the default credentials`);
    expect(result.out).toContain("PUSHER_SECRET");
  });

  it("refuses a public interface when only the secret is the default", async () => {
    const result = await realtime({ REALTIME_HOST: "0.0.0.0", PUSHER_APP_ID: "42", PUSHER_KEY: "own-key", PUSHER_SECRET: "app-secret" });
    expect(result.exit).toBe(1);
  });

  it("listens on loopback with the defaults, and anywhere with its own credentials", async () => {
    const local = await realtime({});
    expect(local.port).toBeGreaterThan(0);
    const own = randomCredentials();
    const open = await realtime({ REALTIME_HOST: "0.0.0.0", PUSHER_APP_ID: own.appId, PUSHER_KEY: own.key, PUSHER_SECRET: own.secret });
    expect(open.port).toBeGreaterThan(0);
    const answer = await fetch(`http://127.0.0.1:${open.port}/`);
    expect(answer.status).toBe(200);
  });

  it("refuses injected publish failures (a test and benchmark aid) under NODE_ENV=production, and starts with them otherwise", async () => {
    const refused = await realtime({ NODE_ENV: "production", REALTIME_PUBLISH_FAILURE_RATE: "0.2" });
    expect(refused.exit).toBe(1);
    expect(refused.out).toContain("REALTIME_PUBLISH_FAILURE_RATE injects failures for tests and benchmarks; refused with NODE_ENV=production");
    const failing = await realtime({ REALTIME_PUBLISH_FAILURE_RATE: "0.2", REALTIME_PUBLISH_FAILURE_SEED: "3" });
    expect(await (await fetch(`http://127.0.0.1:${failing.port}/health`)).json()).toEqual({ ok: true, publish_failures_injected: 0 });
  });
});

describe("startRealtimeServer with the default credentials", () => {
  it.each(["0.0.0.0", "::", "127.0.0.1.example.com", "localhost.example.com"])("refuses host %s", async (host) => {
    await expect(startRealtimeServer({ host, port: 0 })).rejects.toBeInstanceOf(UnsafeBindError);
  });

  it.each(["127.0.0.1", "127.0.0.2", "localhost"])("listens on loopback %s", async (host) => {
    const server = await startRealtimeServer({ host, port: 0 });
    try {
      expect(server.port).toBeGreaterThan(0);
    } finally {
      await server.close();
    }
  });
});

describe("per-checkout generated secrets (scripts/local-secrets.ts)", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "jobchat-local-secrets-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  // The module resolves .data/ from the working directory; run it from a throw-away one.
  const generate = () => {
    const child = spawnSync(process.execPath, [TSX, path.join(ROOT, "tests", "support", "local-secrets-fixture.ts")], {
      cwd: dir,
      env: cleanEnv({ TSX_TSCONFIG_PATH: path.join(ROOT, "tsconfig.json") }),
      encoding: "utf8",
    });
    expect(child.stderr).toBe("");
    return JSON.parse(child.stdout) as { realtime: { appId: string; key: string; secret: string }; nextauth: string };
  };

  it("generates random non-default credentials once, private to the owner, and keeps them", () => {
    const first = generate();
    expect(first.realtime.secret).not.toBe("app-secret");
    expect(first.realtime.key).not.toBe("app-key");
    expect(Buffer.byteLength(first.realtime.secret)).toBeGreaterThanOrEqual(32);
    expect(Buffer.byteLength(first.nextauth)).toBeGreaterThanOrEqual(32);
    expect(statSync(path.join(dir, ".data", "realtime-credentials.json")).mode & 0o777).toBe(0o600);
    expect(generate()).toEqual(first);
  });

  it("replaces a stored file that holds Soketi's defaults", () => {
    writeFileSync(path.join(dir, ".data", "realtime-credentials.json"), JSON.stringify({ appId: "app-id", key: "app-key", secret: "app-secret" }));
    const replaced = generate().realtime;
    expect(replaced.secret).not.toBe("app-secret");
    expect(JSON.parse(readFileSync(path.join(dir, ".data", "realtime-credentials.json"), "utf8"))).toEqual(replaced);
  });
});
