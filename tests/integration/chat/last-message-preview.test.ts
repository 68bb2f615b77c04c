// The room's last message is the message's first 200 code points wherever it is computed: the
// send (JavaScript) and a moderation delete (SQL LEFT) agree, and an emoji is never cut in half.
import { describe, expect, it } from "vitest";
import { POST as sendRoute } from "@/app/api/chat/rooms/[roomId]/messages/route";
import { GET as roomsRoute } from "@/app/api/chat/rooms/route";
import { DELETE as deleteRoute } from "@/app/api/admin/messages/[messageId]/route";
import { db } from "@/lib/db";
import { call, request } from "@/tests/support/http";
import { makeRoom, makeUser } from "@/tests/support/factories";

const REPLACEMENT = "\uFFFD";

describe("last message preview", () => {
  it.each([
    ["emoji astride the cut", `${"a".repeat(199)}😀😀`, `${"a".repeat(199)}😀`],
    ["all emoji", "😀".repeat(300), "😀".repeat(200)],
    ["CJK", "漢".repeat(300), "漢".repeat(200)],
    ["right-to-left", "שלום ".repeat(60), "שלום ".repeat(40)],
  ])("%s: 200 code points, whole characters, in the list and live answer", async (_label, content, expected) => {
    const [a, b] = await Promise.all([makeUser(), makeUser()]);
    const { id: roomId } = await makeRoom([a.id, b.id]);
    const sent = await call(
      sendRoute,
      await request(a, "POST", `/api/chat/rooms/${roomId}/messages`, { json: { content, client_id: crypto.randomUUID() } }),
      {
        roomId: String(roomId),
      },
    );
    expect(sent.status).toBe(201);
    const stored = await db.chatRoom.findUniqueOrThrow({ where: { id: roomId } });
    expect(stored.lastMessageContent).toBe(expected);
    expect(stored.lastMessageContent).not.toContain(REPLACEMENT);
    const list = await call(roomsRoute, await request(b, "GET", "/api/chat/rooms"));
    expect(list.body.rooms.find((r: { id: number }) => r.id === roomId).last_message_content).toBe(expected);
  });

  it("a moderation delete recomputes the same preview in SQL", async () => {
    const [a, b] = await Promise.all([makeUser(), makeUser()]);
    const admin = await makeUser({ role: "ADMIN" });
    const { id: roomId } = await makeRoom([a.id, b.id]);
    const content = `${"b".repeat(199)}😀😀`;
    for (const text of [content, "to be removed"]) {
      const sent = await call(
        sendRoute,
        await request(a, "POST", `/api/chat/rooms/${roomId}/messages`, { json: { content: text, client_id: crypto.randomUUID() } }),
        {
          roomId: String(roomId),
        },
      );
      expect(sent.status).toBe(201);
    }
    const newest = await db.message.findFirstOrThrow({ where: { roomId }, orderBy: { id: "desc" } });
    const deleted = await call(deleteRoute, await request(admin, "DELETE", `/api/admin/messages/${newest.id}`), { messageId: String(newest.id) });
    expect(deleted.status).toBe(200);
    const stored = await db.chatRoom.findUniqueOrThrow({ where: { id: roomId } });
    expect(stored.lastMessageContent).toBe(`${"b".repeat(199)}😀`);
  });
});
