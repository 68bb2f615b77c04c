// Creating admins from the command line: scripts/create-admin.ts and lib/admin/promote.ts.
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, inject, it } from "vitest";
import { db } from "@/lib/db";
import { verifyCredentials } from "@/lib/auth/credentials";
import { ensureAdmin } from "@/lib/admin/promote";
import { makeUser } from "@/tests/support/factories";
import { testVapidEnv } from "@/tests/support/vapid";

const run = promisify(execFile);

describe("admin:create", () => {
  it("promotes and reactivates an existing account by email, audited without an actor", async () => {
    const user = await makeUser({ isActive: false });
    const email = `${user.username}@test.example`;
    const result = await ensureAdmin(db, { email: email.toUpperCase() });
    expect(result).toEqual({ user: { id: user.id, username: user.username, email }, created: false });
    expect(await db.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({ role: "ADMIN", isActive: true });
    const audit = await db.auditLog.findMany({ where: { targetType: "user", targetId: user.id } });
    expect(audit).toMatchObject([{ actorId: null, action: "user.promote", details: { via: "cli", from: "USER", reactivated: true } }]);
    // Running it again changes nothing and records nothing.
    await ensureAdmin(db, { email });
    expect(await db.auditLog.count({ where: { targetType: "user", targetId: user.id } })).toBe(1);
  });

  it("creates a new admin who can sign in, with a generated password when none is given", async () => {
    const email = `ops_${Date.now()}@example.com`;
    const result = await ensureAdmin(db, { email });
    expect(result.created).toBe(true);
    expect(result.generatedPassword).toMatch(/^[A-Za-z0-9_-]{20}$/);
    expect(await verifyCredentials(email, result.generatedPassword ?? "")).toMatchObject({ id: result.user.id, role: "ADMIN" });
    // The username comes from the email; a second account with the same local part gets a suffix.
    const again = await ensureAdmin(db, { email: email.replace("example.com", "example.org"), password: "long enough" });
    expect(again.user.username).toBe(`${result.user.username}_2`);
    expect(again.generatedPassword).toBeUndefined();
  });

  it("the npm script runs against DATABASE_URL and refuses bad input", async () => {
    const email = `script_${Date.now()}@example.com`;
    const script = path.join(process.cwd(), "scripts", "create-admin.ts");
    // A production process gets the production settings: lib/env.ts refuses development defaults.
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      DATABASE_URL: inject("databaseUrl"),
      NODE_ENV: "production",
      TRUSTED_PROXY_HOPS: "0",
      MARKETPLACE_API_TOKEN: `create-admin-test-${crypto.randomUUID()}`,
      SMTP_URL: "smtp://127.0.0.1:1",
      MAIL_FROM: "JobChat <no-reply@jobs.example>",
      NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET,
      ...testVapidEnv(),
      PUSHER_APP_ID: "create-admin-test",
      PUSHER_KEY: crypto.randomUUID(),
      PUSHER_SECRET: crypto.randomUUID(),
    };
    const { stdout } = await run(
      process.execPath,
      ["--conditions=react-server", "--import", "tsx", script, "--email", email, "--password", "a long password"],
      { env, timeout: 60_000 },
    );
    expect(JSON.parse(stdout.trim())).toMatchObject({ msg: "admin created", email });
    expect(await verifyCredentials(email, "a long password")).toMatchObject({ role: "ADMIN" });
    await expect(
      run(process.execPath, ["--conditions=react-server", "--import", "tsx", script, "--email", "not-an-email"], { env, timeout: 60_000 }),
    ).rejects.toMatchObject({ code: 2 });
  }, 90_000);
});
