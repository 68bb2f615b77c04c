// The room list's order follows each room's activity through every writer that changes it, all
// through the HTTP doors: sends, room creation, added members, an admin deleting a room's last
// message. The list walks chat_chatparticipant.activity_at, so each step also checks that every
// participant row carries its room's COALESCE(last_message_time, updated_at).
import { describe, expect, it } from "vitest";
import { DELETE as deleteMessageRoute } from "@/app/api/admin/messages/[messageId]/route";
import { POST as addMembersRoute } from "@/app/api/chat/rooms/[roomId]/members/route";
import { POST as sendRoute } from "@/app/api/chat/rooms/[roomId]/messages/route";
import { GET as listRoute, POST as createRoute } from "@/app/api/chat/rooms/route";
import { db } from "@/lib/db";
import { call, type Caller, request } from "@/tests/support/http";
import { makeJob, makeUser } from "@/tests/support/factories";

type User = NonNullable<Caller>;
type ListedRoom = { id: number; last_message_time: string | null; updated_at: string };

async function listedIds(user: User): Promise<number[]> {
  const ids: number[] = [];
  let cursor: string | null = null;
  do {
    const query: string = cursor ? `?limit=2&cursor=${cursor}` : "?limit=2";
    const res = await call(listRoute, await request(user, "GET", `/api/chat/rooms${query}`));
    expect(res.status).toBe(200);
    ids.push(...(res.body.rooms as ListedRoom[]).map((r) => r.id));
    cursor = res.body.next_cursor;
  } while (cursor);
  return ids;
}

/** The user's rooms ordered from the rooms' own rows: newest activity first, then higher id. */
async function expectedIds(userId: number): Promise<number[]> {
  const rows = await db.$queryRaw<Array<{ id: number }>>`
    SELECT r.id FROM chat_chatroom r JOIN chat_chatparticipant p ON p.room_id = r.id AND p.user_id = ${userId}
    ORDER BY COALESCE(r.last_message_time, r.updated_at) DESC, r.id DESC`;
  return rows.map((r) => r.id);
}

async function staleParticipants(roomIds: number[]): Promise<number> {
  const rows = await db.$queryRaw<Array<{ n: number }>>`
    SELECT count(*)::int AS n FROM chat_chatparticipant p JOIN chat_chatroom r ON r.id = p.room_id
    WHERE r.id = ANY(${roomIds}) AND p.activity_at IS DISTINCT FROM COALESCE(r.last_message_time, r.updated_at)`;
  return rows[0].n;
}

async function send(user: User, roomId: number, content: string): Promise<{ id: number }> {
  const res = await call(
    sendRoute,
    await request(user, "POST", `/api/chat/rooms/${roomId}/messages`, { json: { content, client_id: crypto.randomUUID() } }),
    { roomId: String(roomId) },
  );
  expect(res.status).toBe(201);
  return res.body;
}

async function createGroup(user: User, name: string, memberIds: number[]): Promise<number> {
  const res = await call(createRoute, await request(user, "POST", "/api/chat/rooms", { json: { kind: "GROUP", name, member_ids: memberIds } }));
  expect(res.status).toBe(201);
  return res.body.id;
}

describe("room list order follows room activity (activity_at on the participant row)", () => {
  it("stays in step through sends, created rooms, added members and a deleted last message", async () => {
    const [me, ann, bob, carol] = await Promise.all([makeUser(), makeUser(), makeUser(), makeUser()]);
    const admin = await makeUser({ role: "ADMIN" });
    const rooms: number[] = [];
    const check = async (users: User[], expectedFirst?: Record<number, number>) => {
      expect(await staleParticipants(rooms)).toBe(0);
      for (const user of users) {
        const listed = await listedIds(user);
        expect(listed).toEqual(await expectedIds(user.id));
        if (expectedFirst?.[user.id] !== undefined) expect(listed[0]).toBe(expectedFirst[user.id]);
      }
    };

    // Three groups, created in order: the newest is first.
    const first = await createGroup(me, "First", [ann.id]);
    const second = await createGroup(me, "Second", [bob.id]);
    const third = await createGroup(me, "Third", [ann.id, bob.id]);
    rooms.push(first, second, third);
    await makeJob(me.id, carol.id);
    const direct = await call(createRoute, await request(me, "POST", "/api/chat/rooms", { json: { kind: "DIRECT", user_id: carol.id } }));
    expect(direct.status).toBe(201);
    rooms.push(direct.body.id);
    await check([me, ann, bob, carol], { [me.id]: direct.body.id, [ann.id]: third });
    expect(await listedIds(me)).toEqual([direct.body.id, third, second, first]);

    // A send moves its room to the top for everyone in it.
    await send(ann, first, "first moves up");
    await check([me, ann, bob], { [me.id]: first, [ann.id]: first, [bob.id]: third });
    await send(bob, second, "now second");
    await check([me, ann, bob], { [me.id]: second, [bob.id]: second, [ann.id]: first });
    expect(await listedIds(me)).toEqual([second, first, direct.body.id, third]);

    // A new member sees the room where its activity puts it, not on top as a fresh row would.
    const added = await call(addMembersRoute, await request(me, "POST", `/api/chat/rooms/${first}/members`, { json: { user_ids: [carol.id] } }), {
      roomId: String(first),
    });
    expect(added.status).toBe(200);
    await check([carol, me]);
    expect(await listedIds(carol)).toEqual([first, direct.body.id]);

    // Deleting the room's last message takes its activity back to the message before it.
    await send(me, third, "older in third");
    const newest = await send(ann, third, "newest in third");
    await check([me, ann, bob], { [me.id]: third });
    const deleted = await call(deleteMessageRoute, await request(admin, "DELETE", `/api/admin/messages/${newest.id}`), {
      messageId: String(newest.id),
    });
    expect(deleted.status).toBe(200);
    const [room] = await db.$queryRaw<Array<{ activity: Date }>>`
      SELECT COALESCE(last_message_time, updated_at) AS activity FROM chat_chatroom WHERE id = ${third}`;
    const [older] = await db.$queryRaw<Array<{ timestamp: Date }>>`
      SELECT timestamp FROM chat_message WHERE room_id = ${third} AND content = 'older in third'`;
    expect(room.activity.toISOString()).toBe(older.timestamp.toISOString());
    await check([me, ann, bob], { [me.id]: third });
  });

  it("keeps a cursor from before a room moved valid (it names a place, not a row)", async () => {
    const [me, other] = await Promise.all([makeUser(), makeUser()]);
    const a = await createGroup(me, "A", [other.id]);
    const b = await createGroup(me, "B", [other.id]);
    const c = await createGroup(me, "C", [other.id]);
    const page = await call(listRoute, await request(me, "GET", "/api/chat/rooms?limit=1"));
    expect(page.body.rooms.map((r: ListedRoom) => r.id)).toEqual([c]);
    await send(other, a, "a moves up");
    const rest = await call(listRoute, await request(me, "GET", `/api/chat/rooms?limit=10&cursor=${page.body.next_cursor}`));
    expect(rest.status).toBe(200);
    expect(rest.body.rooms.map((r: ListedRoom) => r.id)).toEqual([b]);
  });
});
