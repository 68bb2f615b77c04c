// Found by the fault soak: a tab that sent a message while its WebSocket was down held its own
// (newer) message when it caught up, and catch-up asked only for what came after the newest id
// it held, so everyone else's messages from the gap were never fetched. The real store and
// catch-up, with the browser's fetch answered by the real route handler in-process.
import { randomUUID } from "node:crypto";
import { afterEach, expect, it, vi } from "vitest";
import { GET as pageRoute } from "@/app/api/chat/rooms/[roomId]/messages/route";
import { createChatStore } from "@/lib/chat/client/store";
import { catchUp } from "@/lib/chat/client/sync";
import { getMessagePage } from "@/lib/chat/messages";
import { sendMessage } from "@/lib/chat/send";
import { makeRoom, makeUser } from "@/tests/support/factories";
import { BASE, request } from "@/tests/support/http";
import { delivered } from "@/tests/support/delivered";

afterEach(() => {
  vi.unstubAllGlobals();
});

it("fetches the messages others sent during a gap even when the tab's own later message is already held", async () => {
  const [me, other] = await Promise.all([makeUser(), makeUser()]);
  const room = await makeRoom([me.id, other.id]);
  const send = (userId: number, content: string) => delivered(sendMessage({ userId, roomId: room.id, content, clientId: randomUUID() }));
  await send(other.id, "before the gap");

  // The tab as the room page opens it.
  vi.stubGlobal("fetch", async (input: string) => {
    const url = new URL(input, BASE);
    return pageRoute(await request(me, "GET", `${url.pathname}${url.search}`), { params: Promise.resolve({ roomId: String(room.id) }) });
  });
  const store = createChatStore({ me: { id: me.id, username: me.username, name: me.name }, rooms: [], roomsCursor: null, unreadTotal: 0 });
  store.openTimeline(room.id, await getMessagePage(me.id, { roomId: room.id, limit: 50 }), 0);

  // The WebSocket is down: two messages from the other side never arrive; ours is answered.
  const missed = [await send(other.id, "missed 1"), await send(other.id, "missed 2")];
  const mine = await send(me.id, "sent during the gap");
  store.receiveMessages(room.id, [mine.message]);

  // Resubscribed: catch up.
  await catchUp(store, room.id);

  const held = store.getState().timelines[room.id].messages.map((m) => m.id);
  const stored = (await getMessagePage(me.id, { roomId: room.id, limit: 50 })).messages.map((m) => m.id);
  expect(held).toEqual(stored);
  expect(held).toEqual(expect.arrayContaining(missed.map((m) => m.message.id)));
});
