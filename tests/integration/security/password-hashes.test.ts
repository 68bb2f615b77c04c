// Passwords are stored only as bcrypt hashes: every row of users.password_hash, whichever way it
// got there (demo seed, registration, admin:create, test fixtures), is a bcrypt hash or NULL
// (OAuth accounts), and the app's own paths hash at cost 10. tests/integration/auth.test.ts
// checks that registration stores a hash of what it is given.
import bcrypt from "bcryptjs";
import { describe, expect, inject, it } from "vitest";
import { registerUser } from "@/lib/auth/register";
import { db } from "@/lib/db";
import { DEMO_PASSWORD, DEMO_USERS, seedDemoData } from "@/prisma/seed-data";

const BCRYPT = /^\$2[aby]\$(\d{2})\$[./A-Za-z0-9]{53}$/;
const cost = (hash: string | null) => Number(BCRYPT.exec(hash ?? "")?.[1] ?? 0);

describe("password storage", () => {
  it("holds bcrypt hashes only, never a password in the clear; the seed and registration use cost 10", async () => {
    // Idempotent, and already done by the realtime delivery test on this shared database.
    await seedDemoData(inject("databaseUrl"));
    const handle = `hash_${Date.now().toString(36)}`;
    await registerUser({ username: handle, email: `${handle}@example.com`, name: "Hash Check", password: "a-long-password" });

    const rows = await db.$queryRaw<Array<{ username: string; password_hash: string | null }>>`SELECT username, password_hash FROM users`;
    const hashed = rows.filter((r) => r.password_hash !== null);
    expect(hashed.length).toBeGreaterThanOrEqual(DEMO_USERS.length + 1);
    for (const row of hashed) {
      expect(row.password_hash, `${row.username}'s password_hash is a bcrypt hash`).toMatch(BCRYPT);
      expect(row.password_hash).not.toContain(DEMO_PASSWORD);
    }
    // Test fixtures may hash cheaply; what the app itself stores is cost 10.
    const byName = new Map(rows.map((r) => [r.username, r.password_hash]));
    for (const username of [...DEMO_USERS.map((u) => u.username), handle])
      expect(cost(byName.get(username) ?? null), username).toBeGreaterThanOrEqual(10);
    expect(await bcrypt.compare(DEMO_PASSWORD, byName.get("admin") ?? "")).toBe(true);
    expect(await bcrypt.compare("a-long-password", byName.get(handle) ?? "")).toBe(true);
  });
});
