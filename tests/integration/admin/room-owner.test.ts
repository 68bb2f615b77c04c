// An admin names a group's owner: through the REST route and the dashboard's server action,
// audited, refused for non-members and non-groups, and heard live by the room.
import { asCaller } from "@/tests/support/next-scope";
import type { Channel } from "pusher-js";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { changeRoomOwnerAction } from "@/app/admin/actions";
import { POST as ownerRoute } from "@/app/api/admin/rooms/[roomId]/owner/route";
import { DELETE as removeRoute } from "@/app/api/chat/rooms/[roomId]/members/[userId]/route";
import { db } from "@/lib/db";
import { roomChannel } from "@/lib/realtime/channels";
import { EVENTS, type MembersUpdatedEvent } from "@/lib/wire/events";
import { call, request } from "@/tests/support/http";
import { makeRoom, makeUser } from "@/tests/support/factories";
import { disconnectAll, next, pusherClientFor, subscribed } from "@/tests/support/pusher-clients";

type User = Awaited<ReturnType<typeof makeUser>>;

describe("admin: reassigning a group's owner", () => {
  let admin: User;
  let owner: User;
  let b: User;
  let outsider: User;
  let roomId: number;
  const reassign = async (who: User, room: number, userId: number) =>
    call(ownerRoute, await request(who, "POST", `/api/admin/rooms/${room}/owner`, { json: { user_id: userId } }), { roomId: String(room) });

  beforeEach(async () => {
    [admin, owner, b, outsider] = await Promise.all([makeUser({ role: "ADMIN" }), makeUser(), makeUser(), makeUser()]);
    roomId = (await makeRoom([owner.id, b.id])).id;
  });
  afterAll(disconnectAll);

  it("POST /api/admin/rooms/{id}/owner: 200, the new owner may now remove, one audit row, the room hears it", async () => {
    const bRoom = await subscribed<Channel>(pusherClientFor(b), roomChannel(roomId));
    const heard = next<MembersUpdatedEvent>(bRoom, EVENTS.membersUpdated, (e) => e.room_id === roomId);
    const res = await reassign(admin, roomId, b.id);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ room_id: roomId, owner_id: b.id });
    expect(await heard).toMatchObject({ room_id: roomId, owner_id: b.id });
    expect((await db.chatRoom.findUniqueOrThrow({ where: { id: roomId } })).ownerId).toBe(b.id);
    const audit = await db.auditLog.findMany({ where: { action: "room.owner", targetType: "room", targetId: roomId } });
    expect(audit.map((a) => ({ actor: a.actorId, details: a.details }))).toEqual([{ actor: admin.id, details: { from: owner.id, to: b.id } }]);

    // The old owner lost the right to remove; the new one has it.
    const removeAs = async (who: User, memberId: number) =>
      (
        await call(removeRoute, await request(who, "DELETE", `/api/chat/rooms/${roomId}/members/${memberId}`), {
          roomId: String(roomId),
          userId: String(memberId),
        })
      ).status;
    expect(await removeAs(owner, b.id)).toBe(403);
    expect(await removeAs(b, owner.id)).toBe(204);

    // Naming the current owner again changes nothing and is not audited twice.
    expect((await reassign(admin, roomId, b.id)).status).toBe(200);
    expect(await db.auditLog.count({ where: { action: "room.owner", targetId: roomId } })).toBe(1);
  });

  it("refuses a non-member (409), a non-group (409), a missing room (404) and a non-admin (404), changing nothing", async () => {
    expect((await reassign(admin, roomId, outsider.id)).status).toBe(409);
    const direct = await makeRoom([owner.id, b.id], "DIRECT");
    expect((await reassign(admin, direct.id, b.id)).status).toBe(409);
    expect((await reassign(admin, 2_000_000_000, b.id)).status).toBe(404);
    expect((await reassign(owner, roomId, b.id)).status).toBe(404);
    expect((await db.chatRoom.findUniqueOrThrow({ where: { id: roomId } })).ownerId).toBe(owner.id);
    expect(await db.auditLog.count({ where: { action: "room.owner", targetId: { in: [roomId, direct.id] } } })).toBe(0);
  });

  it("the dashboard's server action reassigns and says so", async () => {
    const form = new FormData();
    form.append("room_id", String(roomId));
    form.append("user_id", String(b.id));
    const { value } = await asCaller(admin, () => changeRoomOwnerAction(null, form));
    expect(value).toEqual({ ok: true, data: `${b.username} now owns this group` });
    expect((await db.chatRoom.findUniqueOrThrow({ where: { id: roomId } })).ownerId).toBe(b.id);
    expect(await db.auditLog.count({ where: { action: "room.owner", targetId: roomId, actorId: admin.id } })).toBe(1);
  });
});
