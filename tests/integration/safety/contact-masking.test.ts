// Off-platform contact masking (CHAT_MASK_CONTACTS=1) through the real send route and a real
// pusher-js subscriber: masked for the room until the job is booked, the sender told, the
// original kept for admins (room detail and export).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as adminRoomRoute } from "@/app/api/admin/rooms/[roomId]/route";
import { GET as exportRoute } from "@/app/api/admin/rooms/[roomId]/export/route";
import { GET as messagesRoute, POST as sendRoute } from "@/app/api/chat/rooms/[roomId]/messages/route";
import { db } from "@/lib/db";
import { resetEnvCache } from "@/lib/env";
import { roomChannel } from "@/lib/realtime/channels";
import { EMAIL_MASK, PHONE_MASK } from "@/lib/safety/contact-mask";
import type { WireMessage } from "@/lib/wire/rest";
import { makeRoom, makeUser } from "@/tests/support/factories";
import { call, request } from "@/tests/support/http";
import { disconnectAll, next, pusherClientFor, subscribed } from "@/tests/support/pusher-clients";

type User = Awaited<ReturnType<typeof makeUser>>;

const ORIGINAL = "Call me on +44 20 7946 0958 or jane at gmail dot com, 10:30 is fine, £45";
const MASKED = `Call me on ${PHONE_MASK} or ${EMAIL_MASK}, 10:30 is fine, £45`;

describe("masking phone numbers and emails between a job's client and cleaner", () => {
  let client: User;
  let cleaner: User;
  let admin: User;
  let roomId: number;
  let jobId: number;
  const send = async (who: User, content: string, room = roomId) =>
    call(sendRoute, await request(who, "POST", `/api/chat/rooms/${room}/messages`, { json: { content, client_id: crypto.randomUUID() } }), {
      roomId: String(room),
    });

  beforeAll(async () => {
    process.env.CHAT_MASK_CONTACTS = "1";
    resetEnvCache();
    [client, cleaner, admin] = await Promise.all([makeUser(), makeUser(), makeUser({ role: "ADMIN" })]);
    const job = await db.job.create({ data: { title: "Oven clean", clientId: client.id, cleanerId: cleaner.id, status: "open" } });
    jobId = job.id;
    const room = await db.chatRoom.create({
      data: { name: job.title, kind: "JOB", jobId, participants: { create: [{ userId: client.id }, { userId: cleaner.id }] } },
    });
    roomId = room.id;
  });
  afterAll(() => {
    disconnectAll();
    delete process.env.CHAT_MASK_CONTACTS;
    resetEnvCache();
  });

  it("masks them for everyone in the room while the job is open, tells the sender, keeps the original for admins", async () => {
    const other = pusherClientFor(cleaner);
    const channel = await subscribed(other, roomChannel(roomId));
    const live = next<WireMessage>(channel, "message.created");
    const sent = await send(client, ORIGINAL);
    expect(sent.status).toBe(201);
    expect(sent.body).toMatchObject({ content: MASKED, contact_masked: true });
    const delivered = await live;
    expect(delivered.content).toBe(MASKED);
    const row = await db.message.findUniqueOrThrow({ where: { id: sent.body.id } });
    expect(row).toMatchObject({ content: MASKED, originalContent: ORIGINAL });
    const page = await call(messagesRoute, await request(cleaner, "GET", `/api/chat/rooms/${roomId}/messages`), { roomId: String(roomId) });
    expect(page.body.messages.at(-1)).toMatchObject({ id: sent.body.id, content: MASKED });
    expect(JSON.stringify(page.body)).not.toContain("7946");
    expect((await db.chatRoom.findUniqueOrThrow({ where: { id: roomId } })).lastMessageContent).not.toContain("7946");

    const detail = await call(adminRoomRoute, await request(admin, "GET", `/api/admin/rooms/${roomId}`), { roomId: String(roomId) });
    expect(detail.status).toBe(200);
    expect(detail.body.messages.find((m: { id: number }) => m.id === sent.body.id)).toMatchObject({ content: ORIGINAL });
    const csv = await exportRoute(await request(admin, "GET", `/api/admin/rooms/${roomId}/export?format=csv`), {
      params: Promise.resolve({ roomId: String(roomId) }),
    });
    expect(await csv.text()).toContain("+44 20 7946 0958");
  });

  it("leaves messages without contact details, and times, prices and codes, as written (no flag)", async () => {
    const plain = await send(cleaner, "I can come at 10:30 on 12/05, flat 12, code 4B, £45.50");
    expect(plain.body).toMatchObject({ content: "I can come at 10:30 on 12/05, flat 12, code 4B, £45.50" });
    expect(plain.body).not.toHaveProperty("contact_masked");
    expect((await db.message.findUniqueOrThrow({ where: { id: plain.body.id } })).originalContent).toBeNull();
  });

  it("does not mask once the job is booked, nor outside job rooms", async () => {
    await db.job.update({ where: { id: jobId }, data: { status: "booked" } });
    const booked = await send(cleaner, "my number is 07946 095 800");
    expect(booked.body.content).toBe("my number is 07946 095 800");
    const group = await makeRoom([client.id, cleaner.id]);
    const grouped = await send(client, "mail jane@example.com", group.id);
    expect(grouped.body.content).toBe("mail jane@example.com");
    await db.job.update({ where: { id: jobId }, data: { status: "open" } });
  });

  it("is off unless CHAT_MASK_CONTACTS is set", async () => {
    delete process.env.CHAT_MASK_CONTACTS;
    resetEnvCache();
    const sent = await send(client, "0049 30 123456");
    expect(sent.body.content).toBe("0049 30 123456");
    process.env.CHAT_MASK_CONTACTS = "1";
    resetEnvCache();
  });
});
