// Every valid message arrives live, however many bytes its 4,000 characters take: sent through
// the real route, published to the real embedded server (which refuses event data over 10 KB,
// as hosted Pusher does), received by a real pusher-js, and held whole by the real client store.
import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { POST as sendRoute } from "@/app/api/chat/rooms/[roomId]/messages/route";
import { bindRoomChannel } from "@/lib/chat/client/realtime-bindings";
import { getMessagePage } from "@/lib/chat/messages";
import { MAX_MESSAGE_LENGTH } from "@/lib/chat/limits";
import { roomChannel, userChannel } from "@/lib/realtime/channels";
import { MAX_EVENT_DATA_BYTES } from "@/lib/realtime/event-size";
import { makeRoom, makeUser } from "@/tests/support/factories";
import { call, request } from "@/tests/support/http";
import { next } from "@/tests/support/pusher-clients";
import { openTab, startAuthServer, type Tab } from "@/tests/support/realtime-tab";
import type { RoomActivityEvent } from "@/lib/wire/events";
import { lastMessagePreview } from "@/lib/chat/preview";

const rt = inject("realtime");
const bytes = (data: unknown) => Buffer.byteLength(JSON.stringify(data), "utf8");

function until<T>(read: () => T | undefined, subscribe: (listener: () => void) => () => void, label: string, ms = 10_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const value = read();
      if (value === undefined) return false;
      stop();
      clearTimeout(timer);
      resolve(value);
      return true;
    };
    const stop = subscribe(() => void check());
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`timed out waiting for ${label}`));
    }, ms);
    check();
  });
}

function subscribedTo(client: Tab["client"], name: string): Promise<void> {
  const channel = client.channel(name);
  if (channel?.subscribed) return Promise.resolve();
  return new Promise((resolve) => (channel ?? client.subscribe(name)).bind("pusher:subscription_succeeded", () => resolve()));
}

const FAMILY = "👩‍👩‍👧"; // 8 UTF-16 units, 18 UTF-8 bytes
const cases: Array<[string, string]> = [
  ["4,000 CJK characters (12 KB of UTF-8)", "漢".repeat(4000)],
  ["2,000 emoji (4,000 UTF-16 units, 8 KB)", "😀".repeat(2000)],
  ["500 ZWJ family emoji (4,000 UTF-16 units, 9 KB)", FAMILY.repeat(500)],
  ["4,000 double quotes (8 KB escaped)", '"'.repeat(4000)],
  ["4,000 backslashes (8 KB escaped)", "\\".repeat(4000)],
  ["4,000 control characters (24 KB escaped)", "\u0001".repeat(4000)],
  ["line and paragraph separators", `a${"\u2028\u2029".repeat(1999)}b`],
  ["right-to-left text with marks", "שלום\u200F עולם ".repeat(333).trim()],
];

describe("oversize messages arrive live", () => {
  let alice: Awaited<ReturnType<typeof makeUser>>;
  let bob: Awaited<ReturnType<typeof makeUser>>;
  let roomId: number;
  let auth: Awaited<ReturnType<typeof startAuthServer>>;
  let tab: Tab | undefined;
  const measured: Array<{ label: string; message: number; event: number; room: number; truncated: boolean }> = [];

  beforeAll(async () => {
    [alice, bob] = await Promise.all([makeUser(), makeUser()]);
    roomId = (await makeRoom([alice.id, bob.id])).id;
    auth = await startAuthServer();
  });
  afterEach(() => tab?.close());
  afterAll(async () => {
    await auth.close();
    console.info("event data bytes (message.created / room.activity):", JSON.stringify(measured));
  });

  it.each(cases)("%s: message.created and room.activity stay under 10 KB and the store ends with the whole message", async (label, content) => {
    expect(content.length).toBeLessThanOrEqual(MAX_MESSAGE_LENGTH);
    tab = await openTab(bob, rt, auth.origin, []);
    const { store, client } = tab;
    store.openTimeline(roomId, await getMessagePage(bob.id, { roomId, limit: 50 }), 0);
    const unbind = bindRoomChannel(store, client, roomId);
    await subscribedTo(client, roomChannel(roomId));
    await subscribedTo(client, userChannel(bob.id));

    const clientId = randomUUID();
    type Live = { id: number; content: string; truncated?: boolean; client_id: string };
    const live = next<Live>(client.channel(roomChannel(roomId)), "message.created", (m) => m.client_id === clientId);
    const roomEvent = next<RoomActivityEvent>(
      client.channel(userChannel(bob.id)),
      "room.activity",
      (r) => r.room_id === roomId && r.preview.length > 0 && content.startsWith(r.preview),
    );
    const sent = await call(
      sendRoute,
      await request(alice, "POST", `/api/chat/rooms/${roomId}/messages`, { json: { content, client_id: clientId } }),
      { roomId: String(roomId) },
    );
    expect(sent.status).toBe(201);
    expect(sent.body.content).toBe(content);

    const event = await live;
    const room = await roomEvent;
    expect(bytes(event)).toBeLessThanOrEqual(MAX_EVENT_DATA_BYTES);
    expect(bytes(room)).toBeLessThanOrEqual(MAX_EVENT_DATA_BYTES);
    expect(content.startsWith(event.content)).toBe(true);
    if (event.truncated) expect(event.content.length).toBeLessThan(content.length);
    else expect(event.content).toBe(content);
    expect(room).toMatchObject({ message_id: sent.body.id, seq: sent.body.seq, preview: lastMessagePreview(content) });
    measured.push({ label, message: bytes(sent.body), event: bytes(event), room: bytes(room), truncated: event.truncated === true });

    const held = await until(
      () => store.getState().timelines[roomId]?.messages.find((m) => m.id === sent.body.id && m.content === content),
      store.subscribe,
      "the whole message in the store",
    );
    expect(held).toEqual(sent.body);
    unbind();
  });

  it("sends a message that fits whole, without the flag", async () => {
    tab = await openTab(bob, rt, auth.origin, [roomId]);
    const { client } = tab;
    await subscribedTo(client, roomChannel(roomId));
    const clientId = randomUUID();
    const live = next<{ client_id: string; truncated?: boolean; content: string }>(
      client.channel(roomChannel(roomId)),
      "message.created",
      (m) => m.client_id === clientId,
    );
    const content = "漢".repeat(3000);
    await call(sendRoute, await request(alice, "POST", `/api/chat/rooms/${roomId}/messages`, { json: { content, client_id: clientId } }), {
      roomId: String(roomId),
    });
    const event = await live;
    expect(event.truncated).toBeUndefined();
    expect(event.content).toBe(content);
  });
});
