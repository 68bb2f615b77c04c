// Who can reach whom, through GET /api/chat/users and POST /api/chat/rooms: people who share a
// job or a room, and admins; anyone with CHAT_OPEN_MESSAGING=1.
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { POST as createRoomRoute } from "@/app/api/chat/rooms/route";
import { GET as usersRoute } from "@/app/api/chat/users/route";
import { db } from "@/lib/db";
import { resetEnvCache } from "@/lib/env";
import { makeRoom, type makeUser } from "@/tests/support/factories";
import { call, request } from "@/tests/support/http";

type User = Awaited<ReturnType<typeof makeUser>>;

const found = async (who: User, q: string) =>
  ((await call(usersRoute, await request(who, "GET", `/api/chat/users?q=${encodeURIComponent(q)}`))).body.users as Array<{ id: number }>).map(
    (u) => u.id,
  );
const openDirect = async (who: User, otherId: number) =>
  call(createRoomRoute, await request(who, "POST", "/api/chat/rooms", { json: { kind: "DIRECT", user_id: otherId } }));

describe("reachability", () => {
  let me: User;
  let roommate: User;
  let jobPartner: User;
  let stranger: User;
  let admin: User;
  // One prefix for all of them, so a search for it shows exactly who is reachable.
  const prefix = `reach${Date.now().toString(36)}`;
  beforeAll(async () => {
    const named = (n: string, role: "USER" | "ADMIN" = "USER") =>
      db.user.create({ data: { username: `${prefix}_${n}`, email: `${prefix}_${n}@test.example`, name: `Reach ${n}`, role } });
    [me, roommate, jobPartner, stranger, admin] = await Promise.all([
      named("me"),
      named("roommate"),
      named("partner"),
      named("stranger"),
      named("admin", "ADMIN"),
    ]);
    await makeRoom([me.id, roommate.id]);
    // A job between them, no room for it yet.
    await db.job.create({ data: { title: "Oven clean", clientId: me.id, cleanerId: jobPartner.id } });
  });
  afterEach(() => {
    delete process.env.CHAT_OPEN_MESSAGING;
    resetEnvCache();
  });

  it("the people search finds only people I share a room or a job with, and admins", async () => {
    expect((await found(me, prefix)).sort()).toEqual([roommate.id, jobPartner.id, admin.id].sort());
    // From the other side of the job too; an admin finds anyone.
    expect(await found(jobPartner, `${prefix}_me`)).toEqual([me.id]);
    expect(await found(stranger, `${prefix}_me`)).toEqual([]);
    expect((await found(admin, prefix)).sort()).toEqual([me.id, roommate.id, jobPartner.id, stranger.id].sort());
  });

  it("search text is a literal: LIKE wildcards match only themselves", async () => {
    expect(await found(me, "%")).toEqual([]);
    expect(await found(me, `${prefix}_%`)).toEqual([]);
    expect(await found(me, "_")).not.toContain(stranger.id);
  });

  it("a new direct room needs a shared job or room (or an admin); a stranger gets 404 and no room is made", async () => {
    expect((await openDirect(me, jobPartner.id)).status).toBe(201);
    expect((await openDirect(me, roommate.id)).status).toBe(201);
    expect((await openDirect(me, admin.id)).status).toBe(201);
    expect((await openDirect(admin, stranger.id)).status).toBe(201);
    const refused = await openDirect(me, stranger.id);
    expect(refused.status).toBe(404);
    expect(refused.body).toEqual({ error: { code: "not_found", message: "User not found" } });
    expect(await db.chatRoom.count({ where: { directKey: [me.id, stranger.id].sort((a, b) => a - b).join(":") } })).toBe(0);
    expect((await openDirect(stranger, me.id)).status).toBe(404);
  });

  it("CHAT_OPEN_MESSAGING=1 lets anyone find and message anyone, except someone who blocked them", async () => {
    process.env.CHAT_OPEN_MESSAGING = "1";
    resetEnvCache();
    expect(await found(stranger, `${prefix}_me`)).toEqual([me.id]);
    expect((await openDirect(stranger, me.id)).status).toBe(201);
    await db.userBlock.create({ data: { blockerId: roommate.id, blockedId: stranger.id } });
    expect(await found(stranger, `${prefix}_roommate`)).toEqual([]);
    expect((await openDirect(stranger, roommate.id)).status).toBe(404);
  });
});
