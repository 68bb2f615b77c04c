// Suspensions through the real doors: an admin suspends (REST and the user page's action) for 24 h,
// 7 days or until lifted; the person's open realtime tab is cut off at once; every door then
// answers 403 with the end and the reason; sign-in is refused with both; lifting lets them back.
import { asCaller } from "@/tests/support/next-scope";
import { randomUUID } from "node:crypto";
import bcrypt from "bcryptjs";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { liftSuspensionAction, suspendUserAction } from "@/app/admin/moderation-actions";
import { sendMessageAction } from "@/app/(chat)/actions";
import { POST as liftRoute } from "@/app/api/admin/suspensions/[suspensionId]/lift/route";
import { POST as suspendRoute } from "@/app/api/admin/users/[userId]/suspend/route";
import { POST as sendRoute } from "@/app/api/chat/rooms/[roomId]/messages/route";
import { GET as roomsRoute } from "@/app/api/chat/rooms/route";
import { POST as channelAuthRoute } from "@/app/api/pusher/auth/route";
import { REVOKED } from "@/lib/chat/client/connection-watch";
import { db } from "@/lib/db";
import { resetEnvCache } from "@/lib/env";
import { roomChannel, userChannel } from "@/lib/realtime/channels";
import { decodeSuspendedSignIn } from "@/lib/moderation/suspension-policy";
import { makeRoom, makeUser } from "@/tests/support/factories";
import { type Caller, call, request } from "@/tests/support/http";
import { openTab, startAuthServer, type Tab } from "@/tests/support/realtime-tab";
import { attemptSignIn, csrfPair } from "@/tests/support/sign-in";

const rt = inject("realtime");
const PASSWORD = "correct horse battery";
type User = Awaited<ReturnType<typeof makeUser>>;

const asAdmin = (u: User): Caller => ({ ...u, role: "ADMIN" });
const suspend = async (caller: Caller, userId: number, json: unknown) =>
  call(suspendRoute, await request(caller, "POST", `/api/admin/users/${userId}/suspend`, { json }), { userId: String(userId) });
const send = async (caller: Caller, roomId: number) =>
  call(sendRoute, await request(caller, "POST", `/api/chat/rooms/${roomId}/messages`, { json: { content: "hello", client_id: randomUUID() } }), {
    roomId: String(roomId),
  });
const rooms = async (caller: Caller) => call(roomsRoute, await request(caller, "GET", "/api/chat/rooms"));
const signIn = async (user: User) => attemptSignIn({ email: user.username, password: PASSWORD, csrf: await csrfPair() });

function within<T>(promise: Promise<T>, label: string, ms = 10_000): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out waiting for ${label}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function subscribed(tab: Tab, name: string): Promise<void> {
  const channel = tab.client.channel(name) ?? tab.client.subscribe(name);
  if (channel.subscribed) return Promise.resolve();
  return within(new Promise((resolve) => channel.bind("pusher:subscription_succeeded", () => resolve())), `subscription to ${name}`);
}

function revoked(tab: Tab): Promise<void> {
  return within(
    new Promise<void>((resolve) => {
      if (tab.store.getState().connection.state === REVOKED) return resolve();
      const stop = tab.store.subscribe(() => {
        if (tab.store.getState().connection.state !== REVOKED) return;
        stop();
        resolve();
      });
    }),
    "client revoked",
  );
}

describe("suspensions", () => {
  let auth: Awaited<ReturnType<typeof startAuthServer>>;
  let admin: User;
  const tabs: Tab[] = [];
  beforeAll(async () => {
    auth = await startAuthServer();
    admin = await makeUser({ role: "ADMIN" });
  });
  afterEach(() => {
    for (const tab of tabs.splice(0)) tab.close();
    delete process.env.SUSPENDED_READ_ACCESS;
    resetEnvCache();
  });
  afterAll(() => auth.close());

  async function person() {
    const [bob, alice] = await Promise.all([makeUser({ passwordHash: await bcrypt.hash(PASSWORD, 4) }), makeUser()]);
    const room = await makeRoom([alice.id, bob.id], "DIRECT");
    return { bob, alice, room };
  }

  it("suspending for 24 h cuts the open tab at once, refuses every door with 403 and the reason, and sign-in shows the reason and the end", async () => {
    const { bob, room } = await person();
    const tab = await openTab(bob, rt, auth.origin, [room.id]);
    tabs.push(tab);
    await Promise.all([subscribed(tab, roomChannel(room.id)), subscribed(tab, userChannel(bob.id))]);

    const started = Date.now();
    const res = await suspend(asAdmin(admin), bob.id, { duration: "24h", note: "Harassing a cleaner" });
    expect(res.status).toBe(201);
    const endsAt = Date.parse(res.body.ends_at);
    expect(endsAt - started).toBeGreaterThanOrEqual(24 * 3600_000 - 1000);
    expect(endsAt - started).toBeLessThan(24 * 3600_000 + 60_000);
    expect(await db.auditLog.count({ where: { action: "user.suspend", targetId: bob.id, actorId: admin.id } })).toBe(1);

    // Terminated, reconnected, and refused: the tab stops for good.
    await revoked(tab);

    const sent = await send(bob, room.id);
    expect(sent.status).toBe(403);
    expect(sent.body.error.message).toMatch(/suspended until \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC\. Reason: Harassing a cleaner/);
    expect((await rooms(bob)).status).toBe(403);
    const channelAuth = await call(
      channelAuthRoute,
      await request(bob, "POST", "/api/pusher/auth", {
        body: new URLSearchParams({ socket_id: "123.456", channel_name: roomChannel(room.id) }).toString(),
        headers: { "content-type": "application/x-www-form-urlencoded" },
      }),
    );
    expect(channelAuth.status).toBe(403);
    const action = await asCaller(bob, () => sendMessageAction({ room_id: room.id, content: "hi", client_id: randomUUID() }));
    expect(action.value).toMatchObject({ ok: false, error: { code: "forbidden" } });
    expect(await db.message.count({ where: { roomId: room.id, senderId: bob.id } })).toBe(0);

    const refused = await signIn(bob);
    expect(refused.signedIn).toBe(false);
    const told = decodeSuspendedSignIn(refused.error ?? "");
    expect(told).toEqual({ endsAt: new Date(endsAt), reason: "Harassing a cleaner" });
  });

  it("lifting early lets them send and sign in again; lifting again changes nothing", async () => {
    const { bob, room } = await person();
    const res = await suspend(asAdmin(admin), bob.id, { duration: "until_lifted", note: "Pending review" });
    expect(res.body.ends_at).toBeNull();
    expect((await send(bob, room.id)).status).toBe(403);
    const lift = async () =>
      call(liftRoute, await request(asAdmin(admin), "POST", `/api/admin/suspensions/${res.body.id}/lift`, { json: { note: "Reviewed: fine" } }), {
        suspensionId: String(res.body.id),
      });
    expect((await lift()).body).toEqual({ user_id: bob.id, lifted: true });
    expect((await send(bob, room.id)).status).toBe(201);
    expect((await signIn(bob)).signedIn).toBe(true);
    expect((await lift()).body).toEqual({ user_id: bob.id, lifted: false });
    expect(await db.auditLog.count({ where: { action: "user.unsuspend", targetId: bob.id } })).toBe(1);
  });

  it("with SUSPENDED_READ_ACCESS=1 they keep reading (GET 200) but still cannot send (403)", async () => {
    process.env.SUSPENDED_READ_ACCESS = "1";
    resetEnvCache();
    const { bob, room } = await person();
    expect((await suspend(asAdmin(admin), bob.id, { duration: "7d", note: "Spam" })).status).toBe(201);
    expect((await rooms(bob)).status).toBe(200);
    expect((await send(bob, room.id)).status).toBe(403);
  });

  it("bad suspensions are refused and change nothing: non-admin 404, yourself 409, twice 409, missing user 404, bad input 400", async () => {
    const { bob, alice } = await person();
    const count = () => db.userSuspension.count({ where: { userId: { in: [bob.id, admin.id] } } });
    expect((await suspend(alice, bob.id, { duration: "24h", note: "x" })).status).toBe(404);
    expect((await suspend(alice, admin.id, { duration: "24h", note: "x" })).status).toBe(404);
    expect((await suspend(asAdmin(admin), admin.id, { duration: "24h", note: "x" })).status).toBe(409);
    expect((await suspend(asAdmin(admin), 2_000_000_000, { duration: "24h", note: "x" })).status).toBe(404);
    expect((await suspend(asAdmin(admin), bob.id, { duration: "1y", note: "x" })).status).toBe(400);
    expect((await suspend(asAdmin(admin), bob.id, { duration: "24h", note: "  " })).status).toBe(400);
    expect((await suspend(asAdmin(admin), bob.id, { duration: "24h", note: "🙂".repeat(126) })).status).toBe(400);
    expect(await count()).toBe(0);
    expect((await suspend(asAdmin(admin), bob.id, { duration: "24h", note: "first" })).status).toBe(201);
    expect((await suspend(asAdmin(admin), bob.id, { duration: "7d", note: "second" })).status).toBe(409);
    expect(await count()).toBe(1);
  });

  it("the user page's actions suspend and lift, refused for non-admins", async () => {
    const { bob, alice } = await person();
    const form = (fields: Record<string, string>) => {
      const data = new FormData();
      for (const [k, v] of Object.entries(fields)) data.append(k, v);
      return data;
    };
    const denied = await asCaller(alice, () => suspendUserAction(null, form({ user_id: String(bob.id), duration: "24h", note: "x" })));
    expect(denied.value).toMatchObject({ ok: false, error: { code: "not_found" } });
    const done = await asCaller(asAdmin(admin), () => suspendUserAction(null, form({ user_id: String(bob.id), duration: "7d", note: "Scam" })));
    expect(done.value).toMatchObject({ ok: true });
    const row = await db.userSuspension.findFirstOrThrow({ where: { userId: bob.id } });
    expect(row.endsAt!.getTime() - row.createdAt.getTime()).toBeGreaterThan(7 * 24 * 3600_000 - 1000);
    const lifted = await asCaller(asAdmin(admin), () => liftSuspensionAction(null, form({ suspension_id: String(row.id), note: "ok" })));
    expect(lifted.value).toEqual({ ok: true, data: "Suspension lifted" });
    expect((await db.userSuspension.findUniqueOrThrow({ where: { id: row.id } })).liftedById).toBe(admin.id);
  });
});
