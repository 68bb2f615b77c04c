import bcrypt from "bcryptjs";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { verifyCredentials } from "@/lib/auth/credentials";
import { registerSchema, registerUser } from "@/lib/auth/register";
import { userFromRequest } from "@/lib/auth/session";
import { request } from "@/tests/support/http";
import { makeUser } from "@/tests/support/factories";

describe("credentials sign-in", () => {
  let user: Awaited<ReturnType<typeof makeUser>>;
  beforeAll(async () => {
    user = await makeUser({ passwordHash: await bcrypt.hash("correct horse", 10) });
  });

  it("accepts the email or the username, case-insensitively", async () => {
    expect(await verifyCredentials(`${user.username}@TEST.example`, "correct horse")).toMatchObject({ id: user.id, username: user.username, role: "USER" });
    expect(await verifyCredentials(user.username.toUpperCase(), "correct horse")).toMatchObject({ id: user.id });
  });

  it("gives the same answer for a wrong password, an unknown email and a deactivated account", async () => {
    expect(await verifyCredentials(user.username, "wrong")).toBeNull();
    expect(await verifyCredentials("nobody@example.com", "correct horse")).toBeNull();
    await db.user.update({ where: { id: user.id }, data: { isActive: false } });
    expect(await verifyCredentials(user.username, "correct horse")).toBeNull();
    await db.user.update({ where: { id: user.id }, data: { isActive: true } });
  });

  it("stops honouring an existing session once the user is deactivated", async () => {
    const req = () => request(user, "GET", "/api/chat/rooms");
    expect(await userFromRequest(await req())).toMatchObject({ id: user.id });
    await db.user.update({ where: { id: user.id }, data: { isActive: false } });
    expect(await userFromRequest(await req())).toBeNull();
    await db.user.update({ where: { id: user.id }, data: { isActive: true } });
  });

  it("registers a new user with a hashed password, refusing duplicates", async () => {
    const input = registerSchema.parse({ username: `New_${Date.now()}`, email: `new${Date.now()}@Example.com`, name: "New Person", password: "longenough" });
    const created = await registerUser(input);
    expect(created.username).toBe(input.username);
    const stored = await db.user.findUniqueOrThrow({ where: { id: created.id }, omit: { passwordHash: false } });
    expect(stored.passwordHash).not.toBe("longenough");
    expect(await bcrypt.compare("longenough", stored.passwordHash ?? "")).toBe(true);
    await expect(registerUser(input)).rejects.toMatchObject({ code: "conflict" });
    expect(await verifyCredentials(input.email, "longenough")).toMatchObject({ id: created.id });
    expect(registerSchema.safeParse({ ...input, password: "short" }).success).toBe(false);
  });
});
