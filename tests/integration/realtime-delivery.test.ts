// Realtime delivery end to end: two demo users, each with pusher-js authorized through our
// /api/pusher/auth route with their session cookie, against the real embedded server.
import type { PresenceChannel } from "pusher-js";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { POST as sendRoute } from "@/app/api/chat/rooms/[roomId]/messages/route";
import { db } from "@/lib/db";
import { roomChannel, roomPresenceChannel, userChannel } from "@/lib/realtime/channels";
import type { RoomActivityEvent } from "@/lib/wire/events";
import type { WireMessage } from "@/lib/wire/rest";
import { seedDemoData } from "@/prisma/seed-data";
import { call, request, type Caller } from "@/tests/support/http";
import { disconnectAll, next, pusherClientFor as clientFor, subscribed } from "@/tests/support/pusher-clients";

describe("realtime delivery between two demo users", () => {
  let alice: NonNullable<Caller>;
  let bob: NonNullable<Caller>;
  let carol: NonNullable<Caller>;
  let roomId: number;

  beforeAll(async () => {
    await seedDemoData(inject("databaseUrl"));
    const users = await db.user.findMany({ where: { username: { in: ["client1", "cleaner1", "client2"] } } });
    const by = (u: string) => users.find((x) => x.username === u)!;
    [alice, bob, carol] = [by("client1"), by("cleaner1"), by("client2")];
    const room = await db.chatRoom.findFirstOrThrow({
      where: { kind: "JOB", AND: [{ participants: { some: { userId: alice.id } } }, { participants: { some: { userId: bob.id } } }] },
    });
    roomId = room.id;
  }, 60_000);
  afterAll(disconnectAll);

  it("delivers message.created on the room, room.activity on each user channel, typing client to client, and presence", async () => {
    const a = clientFor(alice);
    const b = clientFor(bob);
    const aRoom = await subscribed(a, roomChannel(roomId));
    const aPresence = await subscribed<PresenceChannel>(a, roomPresenceChannel(roomId));
    const bUser = await subscribed(b, userChannel(bob.id));
    const aUser = await subscribed(a, userChannel(alice.id));
    const joined = new Promise<{ id: string; info: { username: string } }>((resolve) => aPresence.bind("pusher:member_added", resolve));
    const bRoom = await subscribed(b, roomChannel(roomId));
    const bPresence = await subscribed<PresenceChannel>(b, roomPresenceChannel(roomId));
    expect((await joined).info.username).toBe("cleaner1");
    expect(bPresence.members.count).toBe(2);

    const clientId = crypto.randomUUID();
    const aSees = next<WireMessage>(aRoom, "message.created", (m) => m.client_id === clientId);
    const bSees = next<WireMessage>(bRoom, "message.created", (m) => m.client_id === clientId);
    const bActivity = next<RoomActivityEvent>(bUser, "room.activity", (r) => r.room_id === roomId);
    const aActivity = next<RoomActivityEvent>(aUser, "room.activity", (r) => r.room_id === roomId);
    const sent = await call(
      sendRoute,
      await request(alice, "POST", `/api/chat/rooms/${roomId}/messages`, { json: { content: "On my way!", client_id: clientId } }),
      { roomId: String(roomId) },
    );
    expect(sent.status).toBe(201);
    expect(await bSees).toEqual(sent.body);
    expect(await aSees).toEqual(sent.body);
    // One payload for both members: each browser counts its own unread from it.
    const forBob = await bActivity;
    expect(forBob).toEqual({
      room_id: roomId,
      seq: sent.body.seq,
      message_id: sent.body.id,
      sender: { id: alice.id, username: "client1" },
      preview: "On my way!",
      timestamp: sent.body.timestamp,
      mentions: [],
    });
    expect(await aActivity).toEqual(forBob);

    const typing = next<{ user_id: number; username: string; typing: boolean }>(aPresence, "client-typing");
    expect(bPresence.trigger("client-typing", { user_id: bob.id, username: "cleaner1", typing: true })).toBe(true);
    expect(await typing).toEqual({ user_id: bob.id, username: "cleaner1", typing: true });
  });

  it("refuses a non-participant's subscription to the room and to another user's channel", async () => {
    const c = clientFor(carol);
    await expect(subscribed(c, roomChannel(roomId))).rejects.toThrow(/403|auth/);
    await expect(subscribed(c, roomPresenceChannel(roomId))).rejects.toThrow(/403|auth/);
    await expect(subscribed(c, userChannel(alice.id))).rejects.toThrow(/403|auth/);
    await expect(subscribed(c, userChannel(carol.id))).resolves.toBeTruthy();
  });
});
