// Group ownership through the real doors: who may remove whom (REST route and server action),
// leaving, ownership passing on, and the live member list reaching the remaining members'
// real pusher-js clients (and the room leaving the removed member's list).
import * as v from "valibot";
import { asCaller } from "@/tests/support/next-scope";
import type { Channel } from "pusher-js";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { removeMemberAction } from "@/app/(chat)/actions";
import { POST as createRoute } from "@/app/api/chat/rooms/route";
import { GET as roomRoute } from "@/app/api/chat/rooms/[roomId]/route";
import { GET as membersRoute, POST as addRoute } from "@/app/api/chat/rooms/[roomId]/members/route";
import { DELETE as removeRoute } from "@/app/api/chat/rooms/[roomId]/members/[userId]/route";
import { db } from "@/lib/db";
import type { WireRoom } from "@/lib/wire/rest";
import { roomChannel, userChannel } from "@/lib/realtime/channels";
import { EVENTS, type MembersUpdatedEvent } from "@/lib/wire/events";
import { call, request } from "@/tests/support/http";
import { makeJob, makeRoom, makeUser } from "@/tests/support/factories";
import { disconnectAll, next, pusherClientFor, subscribed } from "@/tests/support/pusher-clients";
import { membersChangeSchema } from "@/lib/wire/rest";
import { membersUpdatedSchema } from "@/lib/wire/events";

type User = Awaited<ReturnType<typeof makeUser>>;

const remove = async (who: User, roomId: number, memberId: number) =>
  call(removeRoute, await request(who, "DELETE", `/api/chat/rooms/${roomId}/members/${memberId}`), {
    roomId: String(roomId),
    userId: String(memberId),
  });
const memberIds = async (roomId: number) =>
  (await db.chatParticipant.findMany({ where: { roomId }, orderBy: { id: "asc" }, select: { userId: true } })).map((p) => p.userId);
const ownerOf = async (roomId: number) => (await db.chatRoom.findUniqueOrThrow({ where: { id: roomId } })).ownerId;

describe("group owner: who may remove whom", () => {
  let owner: User;
  let b: User;
  let c: User;
  let d: User;
  let roomId: number;
  beforeEach(async () => {
    [owner, b, c, d] = await Promise.all([makeUser(), makeUser(), makeUser(), makeUser()]);
    const created = await call(
      createRoute,
      await request(owner, "POST", "/api/chat/rooms", { json: { kind: "GROUP", name: "Crew", member_ids: [b.id, c.id, d.id] } }),
    );
    expect(created.status).toBe(201);
    roomId = created.body.id;
  });
  afterAll(disconnectAll);

  it("the creator owns the group, and the room JSON says so (owner_id), for every member", async () => {
    expect(await ownerOf(roomId)).toBe(owner.id);
    const seen = await call(roomRoute, await request(c, "GET", `/api/chat/rooms/${roomId}`), { roomId: String(roomId) });
    expect(seen.body).toMatchObject({ id: roomId, kind: "GROUP", owner_id: owner.id });
    await makeJob(owner.id, b.id);
    const direct = await call(createRoute, await request(owner, "POST", "/api/chat/rooms", { json: { kind: "DIRECT", user_id: b.id } }));
    expect(direct.body.owner_id).toBeNull();
  });

  it("a member who is not the owner cannot remove someone else: 403, nothing changes", async () => {
    const res = await remove(b, roomId, c.id);
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe("forbidden");
    expect(await memberIds(roomId)).toEqual([owner.id, b.id, c.id, d.id]);
  });

  it("the owner removes a member: 204, gone from the room and its member list", async () => {
    expect((await remove(owner, roomId, c.id)).status).toBe(204);
    expect(await memberIds(roomId)).toEqual([owner.id, b.id, d.id]);
    const list = await call(membersRoute, await request(c, "GET", `/api/chat/rooms/${roomId}/members`), { roomId: String(roomId) });
    expect(list.status).toBe(404);
    expect((await remove(owner, roomId, c.id)).status).toBe(404);
  });

  it("anyone may leave; when the owner leaves, the longest-standing remaining member owns it", async () => {
    expect((await remove(d, roomId, d.id)).status).toBe(204);
    expect(await memberIds(roomId)).toEqual([owner.id, b.id, c.id]);
    // Joins last, so is last in line for ownership.
    const e = await makeUser();
    await call(addRoute, await request(b, "POST", `/api/chat/rooms/${roomId}/members`, { json: { user_ids: [e.id] } }), { roomId: String(roomId) });
    expect((await remove(owner, roomId, owner.id)).status).toBe(204);
    expect(await ownerOf(roomId)).toBe(b.id);
    // The new owner now removes; the old one is a stranger.
    expect((await remove(b, roomId, e.id)).status).toBe(204);
    expect((await remove(owner, roomId, c.id)).status).toBe(404);
    // The last one out leaves an empty group with no owner.
    expect((await remove(c, roomId, c.id)).status).toBe(204);
    expect((await remove(b, roomId, b.id)).status).toBe(204);
    expect(await ownerOf(roomId)).toBeNull();
  });

  it("an admin who is in the group may remove others; a stale ADMIN claim the database does not back may not", async () => {
    const admin = await makeUser({ role: "ADMIN" });
    await db.chatParticipant.create({ data: { roomId, userId: admin.id } });
    expect((await remove(admin, roomId, c.id)).status).toBe(204);
    // The session says ADMIN, the database says USER (demoted since signing in).
    expect((await remove({ ...b, role: "ADMIN" }, roomId, d.id)).status).toBe(403);
    expect(await memberIds(roomId)).toEqual([owner.id, b.id, d.id, admin.id]);
  });

  it("direct and job rooms have no removable members: 409", async () => {
    const direct = await makeRoom([owner.id, b.id], "DIRECT");
    expect((await remove(owner, direct.id, b.id)).status).toBe(409);
  });

  it("the server action: non-owner refused (forbidden), owner's removal answers the new list", async () => {
    const refused = await asCaller(b, () => removeMemberAction({ room_id: roomId, user_id: c.id }));
    expect(refused.value).toEqual({ ok: false, error: { code: "forbidden", message: expect.any(String) } });
    expect(await memberIds(roomId)).toEqual([owner.id, b.id, c.id, d.id]);

    const done = await asCaller(owner, () => removeMemberAction({ room_id: roomId, user_id: c.id }));
    expect(done.value).toMatchObject({ ok: true });
    const data = v.parse(membersChangeSchema, (done.value as { data: unknown }).data);
    expect(data).toEqual({
      room_id: roomId,
      owner_id: owner.id,
      members: [owner, b, d].map((u) => ({ id: u.id, username: u.username, name: u.name })),
    });

    const left = await asCaller(b, () => removeMemberAction({ room_id: roomId, user_id: b.id }));
    expect(left.value).toMatchObject({ ok: true, data: { owner_id: owner.id } });
    expect(await memberIds(roomId)).toEqual([owner.id, d.id]);
  });

  it("remaining members' pusher-js clients get members.updated; the removed member's room.updated drops it", async () => {
    const bClient = pusherClientFor(b);
    const cClient = pusherClientFor(c);
    const [bRoom, bUser, cUser] = await Promise.all([
      subscribed<Channel>(bClient, roomChannel(roomId)),
      subscribed<Channel>(bClient, userChannel(b.id)),
      subscribed<Channel>(cClient, userChannel(c.id)),
    ]);
    const bHearsList = next<MembersUpdatedEvent>(bRoom, EVENTS.membersUpdated, (e) => e.room_id === roomId);
    const bHearsRoom = next<WireRoom>(bUser, EVENTS.roomUpdated, (r) => r.id === roomId);
    const cHearsGone = next<WireRoom>(cUser, EVENTS.roomUpdated, (r) => r.id === roomId);

    expect((await remove(owner, roomId, c.id)).status).toBe(204);
    const list = v.parse(membersUpdatedSchema, await bHearsList);
    expect(list).toEqual({
      room_id: roomId,
      owner_id: owner.id,
      members: [owner, b, d].map((u) => ({ id: u.id, username: u.username, name: u.name })),
    });
    expect(await bHearsRoom).toMatchObject({ id: roomId, owner_id: owner.id });
    expect(await cHearsGone).toMatchObject({ id: roomId, removed: true });

    // The owner leaving: the room hears the new owner.
    const handedOver = next<MembersUpdatedEvent>(bRoom, EVENTS.membersUpdated, (e) => e.owner_id === b.id);
    expect((await remove(owner, roomId, owner.id)).status).toBe(204);
    expect((await handedOver).members?.map((m) => m.id)).toEqual([b.id, d.id]);
  });

  it("a group too large for one event: members.updated names the owner and says the list is cut; the list comes by REST", async () => {
    // 100 characters of CJK in each name: about 40 KB of members, four times Pusher's event limit.
    const crowd = await Promise.all(Array.from({ length: 120 }, (_, i) => makeUser({ name: `${"長".repeat(96)}${String(i).padStart(4, "0")}` })));
    const added = await call(
      addRoute,
      await request(owner, "POST", `/api/chat/rooms/${roomId}/members`, { json: { user_ids: crowd.map((u) => u.id) } }),
      {
        roomId: String(roomId),
      },
    );
    expect(added.status).toBe(200);
    const bRoom = await subscribed<Channel>(pusherClientFor(b), roomChannel(roomId));
    const heard = next<unknown>(bRoom, EVENTS.membersUpdated);

    expect((await remove(owner, roomId, crowd[0].id)).status).toBe(204);
    expect(await heard).toEqual({ room_id: roomId, owner_id: owner.id, members: null, members_truncated: true });
    const listed = await call(membersRoute, await request(b, "GET", `/api/chat/rooms/${roomId}/members`), { roomId: String(roomId) });
    expect(listed.status).toBe(200);
    expect(listed.body.members).toHaveLength(4 + 120 - 1);
    expect(listed.body.members.map((m: { id: number }) => m.id)).not.toContain(crowd[0].id);
  });
});
