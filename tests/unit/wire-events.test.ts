// The one events table (lib/wire/events.ts): every event name has a payload schema, what the
// server's size fitting produces is what the browser's schemas accept, and the publisher refuses
// a payload that does not match its event's name at compile time (tsc checks this file).
import * as v from "valibot";
import { describe, expect, it } from "vitest";
import { fitMembers, fitMessage, fitRoom } from "@/lib/realtime/event-size";
import type { publish } from "@/lib/realtime/publish";
import { EVENT_SCHEMAS, EVENTS } from "@/lib/wire/events";
import type { WireMessage, WireRoom } from "@/lib/wire/rest";

const message: WireMessage = {
  id: 1,
  room_id: 2,
  seq: 1,
  sender: { id: 3, username: "ana" },
  content: "مرحبا 你好 👩‍👩‍👧".repeat(400),
  timestamp: "2026-12-01T10:00:00.000Z",
  client_id: "00000000-0000-4000-8000-000000000001",
  is_read: false,
  edited_at: null,
  deleted: false,
  reply_to: null,
  attachments: [],
};
const room: WireRoom = {
  id: 2,
  name: "Job #7 Chat",
  kind: "JOB",
  last_seq: 0,
  last_read_id: 0,
  job_id: 7,
  last_message_content: message.content,
  last_message_time: message.timestamp,
  last_message_sender: message.sender,
  unread_count: 1,
  updated_at: message.timestamp,
  owner_id: null,
};

describe("lib/wire/events", () => {
  it("has a payload schema for every event name", () => {
    for (const name of Object.values(EVENTS)) expect(EVENT_SCHEMAS[name], name).toBeDefined();
  });

  it("accepts what the server publishes, cut to fit or whole (CJK, RTL, emoji)", () => {
    const cut = fitMessage(message);
    expect(cut.truncated).toBe(true);
    expect(v.parse(EVENT_SCHEMAS[EVENTS.messageCreated], cut)).toEqual(cut);
    expect(v.parse(EVENT_SCHEMAS[EVENTS.roomUpdated], fitRoom(room))).toMatchObject({ id: 2, last_message_truncated: true });
    const members = { room_id: 2, owner_id: 3, members: [{ id: 3, username: "ana", name: "Ana" }] };
    expect(v.parse(EVENT_SCHEMAS[EVENTS.membersUpdated], fitMembers(members))).toEqual(members);
  });

  it("publish's payload type follows the event name: a wrong payload does not compile (tsc checks this file)", async () => {
    const calls: unknown[][] = [];
    const send = (async (...args: unknown[]) => calls.push(args) > 0) as typeof publish;
    // Each line must fail type-checking, or tsc reports the unused directive.
    // @ts-expect-error read.updated has no `id`
    await send("presence-room-1", "read.updated", { id: 1, room_id: 1 });
    // @ts-expect-error message.deleted needs room_id
    await send("presence-room-1", "message.deleted", { id: 1 });
    // @ts-expect-error not an event
    await send("presence-room-1", "message.created.typo", {});
    await send("presence-room-1", "message.deleted", { id: 1, room_id: 1 });
    expect(calls).toHaveLength(4);
  });

  it("refuses a payload of another event's shape", () => {
    expect(v.safeParse(EVENT_SCHEMAS[EVENTS.readUpdated], { id: 1, room_id: 2 }).success).toBe(false);
    expect(v.safeParse(EVENT_SCHEMAS[EVENTS.messageDeleted], { id: 0, room_id: 2 }).success).toBe(false);
  });
});
