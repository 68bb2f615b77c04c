// Deactivating, reactivating and changing roles: the effects everywhere the account is used.
import bcrypt from "bcryptjs";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as roomsRoute } from "@/app/api/chat/rooms/route";
import { POST as pusherAuthRoute } from "@/app/api/pusher/auth/route";
import { GET as adminOverviewRoute } from "@/app/api/admin/overview/route";
import { db } from "@/lib/db";
import { verifyCredentials } from "@/lib/auth/credentials";
import { userFromRequest } from "@/lib/auth/session";
import { changeRole, deactivateUser, reactivateUser } from "@/lib/admin/moderation";
import { sendMessage } from "@/lib/chat/send";
import { authorizeChannel } from "@/lib/realtime/authorize";
import { roomChannel, userChannel } from "@/lib/realtime/channels";
import { call, request } from "@/tests/support/http";
import { makeRoom, makeUser } from "@/tests/support/factories";
import { delivered } from "@/tests/support/delivered";

type User = Awaited<ReturnType<typeof makeUser>>;
const PASSWORD = "correct horse battery";

describe("deactivating and reactivating a user", () => {
  let admin: User;
  let user: User;
  let friend: User;
  let roomId: number;
  beforeAll(async () => {
    admin = await makeUser({ role: "ADMIN" });
    user = await makeUser({ passwordHash: await bcrypt.hash(PASSWORD, 4) });
    friend = await makeUser();
    roomId = (await makeRoom([user.id, friend.id])).id;
  });

  const sessionUser = () => ({ ...user, role: "USER" as const });
  const send = () => delivered(sendMessage({ userId: user.id, roomId, content: "hello", clientId: crypto.randomUUID() }));

  it("works before: sign-in, session, send, channels", async () => {
    expect(await verifyCredentials(user.username, PASSWORD)).toMatchObject({ id: user.id });
    expect(await userFromRequest(await request(user, "GET", "/api/chat/rooms"))).toMatchObject({ id: user.id });
    expect((await send()).created).toBe(true);
    await expect(authorizeChannel(sessionUser(), "1.2", roomChannel(roomId))).resolves.toHaveProperty("auth");
    await expect(authorizeChannel(sessionUser(), "1.2", userChannel(user.id))).resolves.toHaveProperty("auth");
  });

  it("locks the account out everywhere once deactivated, and audits it", async () => {
    expect(await delivered(deactivateUser(admin, { user_id: user.id }))).toMatchObject({ id: user.id, isActive: false });
    expect(await verifyCredentials(user.username, PASSWORD)).toBeNull();
    // An existing session cookie stops working on the next request.
    expect(await userFromRequest(await request(user, "GET", "/api/chat/rooms"))).toBeNull();
    expect((await call(roomsRoute, await request(user, "GET", "/api/chat/rooms"))).status).toBe(401);
    const form = new URLSearchParams({ socket_id: "1.2", channel_name: roomChannel(roomId) }).toString();
    const auth = await call(
      pusherAuthRoute,
      await request(user, "POST", "/api/pusher/auth", { body: form, headers: { "content-type": "application/x-www-form-urlencoded" } }),
    );
    expect(auth.status).toBe(401);
    // The core refuses too, even with a SessionUser obtained before the deactivation.
    const before = await db.message.count({ where: { roomId } });
    await expect(send()).rejects.toMatchObject({ code: "not_found" });
    expect(await db.message.count({ where: { roomId } })).toBe(before);
    await expect(authorizeChannel(sessionUser(), "1.2", roomChannel(roomId))).rejects.toMatchObject({ code: "forbidden" });
    await expect(authorizeChannel(sessionUser(), "1.2", userChannel(user.id))).rejects.toMatchObject({ code: "forbidden" });

    const audit = await db.auditLog.findMany({ where: { targetType: "user", targetId: user.id }, orderBy: { id: "asc" } });
    expect(audit.map((a) => [a.action, a.actorId])).toEqual([["user.deactivate", admin.id]]);
  });

  it("deactivating twice changes nothing and records nothing", async () => {
    await delivered(deactivateUser(admin, { user_id: user.id }));
    expect(await db.auditLog.count({ where: { targetType: "user", targetId: user.id } })).toBe(1);
  });

  it("reactivation restores sign-in, sessions, sending and channels", async () => {
    expect(await delivered(reactivateUser(admin, { user_id: user.id }))).toMatchObject({ isActive: true });
    expect(await verifyCredentials(user.username, PASSWORD)).toMatchObject({ id: user.id });
    expect((await call(roomsRoute, await request(user, "GET", "/api/chat/rooms"))).status).toBe(200);
    expect((await send()).created).toBe(true);
    await expect(authorizeChannel(sessionUser(), "1.2", roomChannel(roomId))).resolves.toHaveProperty("auth");
    const actions = await db.auditLog.findMany({
      where: { targetType: "user", targetId: user.id },
      orderBy: { id: "asc" },
      select: { action: true },
    });
    expect(actions.map((a) => a.action)).toEqual(["user.deactivate", "user.reactivate"]);
  });

  it("an unknown user is not_found", async () => {
    await expect(delivered(deactivateUser(admin, { user_id: 2_000_000_000 }))).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("changing roles", () => {
  let admin: User;
  let user: User;
  beforeAll(async () => {
    [admin, user] = await Promise.all([makeUser({ role: "ADMIN" }), makeUser()]);
  });

  it("promotion opens the admin API (the database role is what counts), demotion closes it, both audited", async () => {
    const overview = async () => (await call(adminOverviewRoute, await request({ ...user, role: "USER" }, "GET", "/api/admin/overview"))).status;
    expect(await overview()).toBe(404);
    expect(await delivered(changeRole(admin, { user_id: user.id, role: "ADMIN" }))).toMatchObject({ role: "ADMIN" });
    // The session was minted as USER; the request is re-checked against the database.
    expect(await overview()).toBe(200);
    await delivered(changeRole(admin, { user_id: user.id, role: "USER" }));
    expect(await overview()).toBe(404);
    const audit = await db.auditLog.findMany({ where: { targetType: "user", targetId: user.id }, orderBy: { id: "asc" } });
    expect(audit.map((a) => a.details)).toEqual([
      { from: "USER", to: "ADMIN" },
      { from: "ADMIN", to: "USER" },
    ]);
  });

  it("an admin cannot demote or deactivate themselves (there is always an admin left)", async () => {
    await expect(delivered(changeRole(admin, { user_id: admin.id, role: "USER" }))).rejects.toMatchObject({ code: "conflict" });
    await expect(delivered(deactivateUser(admin, { user_id: admin.id }))).rejects.toMatchObject({ code: "conflict" });
    expect(await db.user.findUniqueOrThrow({ where: { id: admin.id } })).toMatchObject({ role: "ADMIN", isActive: true });
  });
});
