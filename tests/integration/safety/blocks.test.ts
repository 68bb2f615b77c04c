// Blocking, through the REST doors and the send server action, with real pusher-js subscribers:
// the blocked person is never told, cannot open a new direct room with the blocker or add them to
// a group, and what they send into a direct room with the blocker reaches only themselves.
import "@/tests/support/next-scope";
import type { Channel } from "pusher-js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { blockUserAction, unblockUserAction } from "@/app/(chat)/block-actions";
import { sendMessageAction } from "@/app/(chat)/actions";
import { GET as listBlocksRoute, POST as blockRoute } from "@/app/api/chat/me/blocks/route";
import { DELETE as unblockRoute } from "@/app/api/chat/me/blocks/[userId]/route";
import { GET as roomsRoute, POST as createRoomRoute } from "@/app/api/chat/rooms/route";
import { POST as addMembersRoute } from "@/app/api/chat/rooms/[roomId]/members/route";
import { GET as messagesRoute } from "@/app/api/chat/rooms/[roomId]/messages/route";
import { POST as readRoute } from "@/app/api/chat/rooms/[roomId]/read/route";
import { GET as usersRoute } from "@/app/api/chat/users/route";
import { db } from "@/lib/db";
import { roomChannel, userChannel } from "@/lib/realtime/channels";
import type { WireMessage } from "@/lib/wire/rest";
import { makeRoom, makeUser } from "@/tests/support/factories";
import { call, request } from "@/tests/support/http";
import { asCaller } from "@/tests/support/next-scope";
import { disconnectAll, pusherClientFor, subscribed } from "@/tests/support/pusher-clients";

type User = Awaited<ReturnType<typeof makeUser>>;

const block = async (who: User, json: unknown) => call(blockRoute, await request(who, "POST", "/api/chat/me/blocks", { json }));
const openDirect = async (who: User, otherId: number) =>
  call(createRoomRoute, await request(who, "POST", "/api/chat/rooms", { json: { kind: "DIRECT", user_id: otherId } }));
const people = async (who: User, q: string) =>
  (await call(usersRoute, await request(who, "GET", `/api/chat/users?q=${encodeURIComponent(q)}`))).body.users as Array<{ id: number }>;
const timeline = async (who: User, roomId: number) =>
  (await call(messagesRoute, await request(who, "GET", `/api/chat/rooms/${roomId}/messages`), { roomId: String(roomId) })).body
    .messages as WireMessage[];
const sendAs = async (who: User, roomId: number, content: string) => {
  const { value } = await asCaller(who, () => sendMessageAction({ room_id: roomId, content, client_id: crypto.randomUUID() }));
  if (!value.ok) throw new Error(`send failed: ${value.error.code}`);
  return value.data;
};

/** Every event of these names on the channel, in arrival order. */
function record(channel: Channel, ...events: string[]) {
  const seen: Array<{ event: string; data: { id?: number; message_id?: number; room_id?: number } }> = [];
  for (const event of events) channel.bind(event, (data: (typeof seen)[number]["data"]) => seen.push({ event, data }));
  return seen;
}
const until = async (check: () => boolean) => {
  while (!check()) await new Promise((r) => setTimeout(r, 10));
};

describe("blocking someone", () => {
  let alice: User;
  let bob: User;
  let stranger: User;
  beforeAll(async () => {
    [alice, bob, stranger] = await Promise.all([makeUser(), makeUser(), makeUser()]);
    await makeRoom([alice.id, bob.id]); // they share a group, so each can reach the other
  });
  afterAll(disconnectAll);

  it("refuses myself (400), nobody (404) and bad input (400), changing nothing", async () => {
    expect((await block(alice, { user_id: alice.id })).status).toBe(400);
    expect((await block(alice, { user_id: 2_000_000_000 })).status).toBe(404);
    expect((await block(alice, { user_id: "x" })).status).toBe(400);
    expect((await block(alice, { user_id: bob.id, extra: 1 })).status).toBe(400);
    expect(await db.userBlock.count({ where: { blockerId: alice.id } })).toBe(0);
    const unauthenticated = await call(blockRoute, await request(null, "POST", "/api/chat/me/blocks", { json: { user_id: bob.id } }));
    expect(unauthenticated.status).toBe(401);
  });

  it("blocks once however often asked, lists the blocked person and unblocks", async () => {
    const first = await block(alice, { user_id: stranger.id });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ id: stranger.id, username: stranger.username, name: stranger.name });
    expect((await block(alice, { user_id: stranger.id })).status).toBe(201);
    expect(await db.userBlock.count({ where: { blockerId: alice.id, blockedId: stranger.id } })).toBe(1);
    const listed = await call(listBlocksRoute, await request(alice, "GET", "/api/chat/me/blocks"));
    expect(listed.body.users.map((u: { id: number }) => u.id)).toEqual([stranger.id]);
    // The blocked person's list is their own: it does not show who blocked them.
    expect((await call(listBlocksRoute, await request(stranger, "GET", "/api/chat/me/blocks"))).body.users).toEqual([]);
    const removed = await call(unblockRoute, await request(alice, "DELETE", `/api/chat/me/blocks/${stranger.id}`), { userId: String(stranger.id) });
    expect(removed.status).toBe(204);
    expect(await db.userBlock.count({ where: { blockerId: alice.id } })).toBe(0);
    const bad = await call(unblockRoute, await request(alice, "DELETE", "/api/chat/me/blocks/abc"), { userId: "abc" });
    expect(bad.status).toBe(400);
  });

  it("hides the blocker from the blocked person's search and refuses them a new direct room, as for a stranger", async () => {
    const [carol, dave] = await Promise.all([makeUser(), makeUser()]);
    await makeRoom([carol.id, dave.id]);
    expect((await people(dave, carol.username)).map((u) => u.id)).toEqual([carol.id]);
    const { value } = await asCaller(carol, () => blockUserAction({ user_id: dave.id }));
    expect(value).toMatchObject({ ok: true, data: { id: dave.id } });

    expect(await people(dave, carol.username)).toEqual([]);
    const refused = await openDirect(dave, carol.id);
    const unreachable = await openDirect(dave, stranger.id);
    expect(refused.status).toBe(404);
    expect(refused.body).toEqual(unreachable.body);
    expect(await db.chatRoom.count({ where: { directKey: [carol.id, dave.id].sort((a, b) => a - b).join(":") } })).toBe(0);
    // The blocker still finds the person they blocked.
    expect((await people(carol, dave.username)).map((u) => u.id)).toEqual([dave.id]);

    const undone = await asCaller(carol, () => unblockUserAction({ user_id: dave.id }));
    expect(undone.value).toEqual({ ok: true, data: { id: dave.id } });
    expect((await openDirect(dave, carol.id)).status).toBe(201);
  });

  it("refuses adding the blocker to a group (404) and leaves them out of a new group", async () => {
    const [erin, frank, gina] = await Promise.all([makeUser(), makeUser(), makeUser()]);
    const group = await makeRoom([frank.id, erin.id, gina.id]);
    await db.userBlock.create({ data: { blockerId: gina.id, blockedId: frank.id } });
    const own = await makeRoom([frank.id]);
    const added = await call(addMembersRoute, await request(frank, "POST", `/api/chat/rooms/${own.id}/members`, { json: { user_ids: [gina.id] } }), {
      roomId: String(own.id),
    });
    expect(added.status).toBe(404);
    expect(await db.chatParticipant.count({ where: { roomId: own.id, userId: gina.id } })).toBe(0);
    const created = await call(
      createRoomRoute,
      await request(frank, "POST", "/api/chat/rooms", { json: { kind: "GROUP", name: "Crew", member_ids: [erin.id, gina.id] } }),
    );
    expect(created.status).toBe(201);
    const members = await db.chatParticipant.findMany({ where: { roomId: created.body.id }, select: { userId: true } });
    expect(members.map((m) => m.userId).sort()).toEqual([frank.id, erin.id].sort());
    expect(group.id).toBeGreaterThan(0);
  });

  it("in a direct room, the blocked person's sends succeed for them but never reach the blocker: no event, no unread, not in their timeline", async () => {
    const [hana, ivan] = await Promise.all([makeUser(), makeUser()]);
    await makeRoom([hana.id, ivan.id]);
    const direct = (await openDirect(ivan, hana.id)).body as { id: number };
    const before = await sendAs(ivan, direct.id, "before the block");

    const hanaClient = pusherClientFor(hana);
    const ivanClient = pusherClientFor(ivan);
    const hanaRoom = record(await subscribed(hanaClient, roomChannel(direct.id)), "message.created");
    const hanaUser = record(await subscribed(hanaClient, userChannel(hana.id)), "room.activity", "room.updated");
    const ivanUser = record(await subscribed(ivanClient, userChannel(ivan.id)), "room.activity");

    expect((await block(hana, { user_id: ivan.id })).status).toBe(201);
    const unreadBefore = (await db.chatParticipant.findFirstOrThrow({ where: { roomId: direct.id, userId: hana.id } })).unreadCount;
    const withheld = await sendAs(ivan, direct.id, "you will not see this");
    expect(withheld).toMatchObject({ content: "you will not see this", sender: { id: ivan.id }, deleted: false });
    expect(withheld).not.toHaveProperty("withheld");
    // The sender's own room list hears of it, as for any send.
    await until(() => ivanUser.some((e) => e.data.message_id === withheld.id));

    // Then Hana sends: once her own message arrives, anything of Ivan's would have come before it.
    const mine = await sendAs(hana, direct.id, "hello?");
    await until(() => hanaRoom.some((e) => e.data.id === mine.id) && hanaUser.some((e) => e.data.message_id === mine.id));
    expect(hanaRoom.map((e) => e.data.id)).toEqual([mine.id]);
    expect(hanaUser.filter((e) => e.data.message_id === withheld.id || (e.data.id === direct.id && e.event === "room.updated"))).toEqual([]);

    const participant = await db.chatParticipant.findFirstOrThrow({ where: { roomId: direct.id, userId: hana.id } });
    expect(participant.unreadCount).toBe(unreadBefore);
    expect((await timeline(hana, direct.id)).map((m) => m.id)).toEqual([before.id, mine.id]);
    expect((await timeline(ivan, direct.id)).map((m) => m.id)).toEqual([before.id, withheld.id, mine.id]);
    // Hana's room list still shows her own last message, never Ivan's withheld one.
    const list = await call(roomsRoute, await request(hana, "GET", "/api/chat/rooms"));
    expect(list.body.rooms.find((r: { id: number }) => r.id === direct.id)).toMatchObject({ last_message_content: "hello?" });
    // Nor can Hana reach it by guessing its id: not around it, not as a reply (its quote would show it).
    const around = await call(messagesRoute, await request(hana, "GET", `/api/chat/rooms/${direct.id}/messages?around=${withheld.id}`), {
      roomId: String(direct.id),
    });
    expect(around.status).toBe(404);
    const { value: replied } = await asCaller(hana, () =>
      sendMessageAction({ room_id: direct.id, content: "quoting", client_id: crypto.randomUUID(), reply_to_id: withheld.id }),
    );
    expect(replied).toMatchObject({ ok: false, error: { code: "invalid_input" } });
    // Reading recounts unread without it: read up to before the withheld message leaves nothing unread.
    const read = await call(readRoute, await request(hana, "POST", `/api/chat/rooms/${direct.id}/read`, { json: { up_to_id: before.id } }), {
      roomId: String(direct.id),
    });
    expect(read.body).toMatchObject({ unread_count: 0 });

    // After an unblock new messages arrive again; the withheld one stays withheld.
    await call(unblockRoute, await request(hana, "DELETE", `/api/chat/me/blocks/${ivan.id}`), { userId: String(ivan.id) });
    const after = await sendAs(ivan, direct.id, "after the unblock");
    await until(() => hanaRoom.some((e) => e.data.id === after.id));
    expect((await timeline(hana, direct.id)).map((m) => m.id)).toEqual([before.id, mine.id, after.id]);
    expect((await db.chatParticipant.findFirstOrThrow({ where: { roomId: direct.id, userId: hana.id } })).unreadCount).toBe(1);
  });

  it("in a shared group, the blocked person's messages are still delivered (the blocker's browser collapses them)", async () => {
    const [jo, kim] = await Promise.all([makeUser(), makeUser()]);
    const group = await makeRoom([jo.id, kim.id]);
    await db.userBlock.create({ data: { blockerId: jo.id, blockedId: kim.id } });
    const joRoom = record(await subscribed(pusherClientFor(jo), roomChannel(group.id)), "message.created");
    const sent = await sendAs(kim, group.id, "group hello");
    await until(() => joRoom.some((e) => e.data.id === sent.id));
    expect((await timeline(jo, group.id)).map((m) => m.id)).toEqual([sent.id]);
  });
});
