// The mention text rules shared by server and browser, and the composer's draft conversion.
import { describe, expect, it } from "vitest";
import { contentToDraft, draftToContent, mentionQueryAt, type PickedMentions } from "@/lib/chat/client/mention-draft";
import { suggestMembers } from "@/lib/chat/client/mention-suggest";
import { createChatStore } from "@/lib/chat/client/store";
import { MAX_MENTIONS_PER_MESSAGE, mentionedIds, mentionsAsText, splitMentions } from "@/lib/chat/mention-text";
import type { RoomActivityEvent } from "@/lib/wire/events";
import type { WireRoom } from "@/lib/wire/rest";

const bea = { id: 7, username: "bea", name: "Bea 山田 😀" };
const rtl = { id: 12, username: "dana", name: "דנה כהן" };
const bob = { id: 3, username: "bob", name: "Bob" };
const bobSmith = { id: 4, username: "bsmith", name: "Bob Smith" };

describe("mention tokens", () => {
  it("reads distinct ids in order, no leading zeros, none beyond PostgreSQL's integer, at most the limit", () => {
    expect(mentionedIds("<@7> <@12> <@7> <@07> <@0> <@2147483648> <@2147483647> <@-1> <@ 3> <@3x>")).toEqual([7, 12, 2147483647]);
    const many = Array.from({ length: MAX_MENTIONS_PER_MESSAGE + 5 }, (_, i) => `<@${i + 1}>`).join("");
    expect(mentionedIds(many)).toHaveLength(MAX_MENTIONS_PER_MESSAGE);
  });

  it("names only the recorded mentions; others stay as typed", () => {
    expect(mentionsAsText("hi <@7>, <@12> and <@99>", [bea, rtl])).toBe("hi @Bea 山田 😀, @דנה כהן and <@99>");
    expect(mentionsAsText("<@7>", [bea])).toBe("@Bea 山田 😀");
    // A name that looks like a token is not read again.
    expect(mentionsAsText("<@3> <@7>", [{ ...bob, name: "<@7>" }, bea])).toBe("@<@7> @Bea 山田 😀");
    expect(splitMentions("a<@7>b", [bea])).toEqual([
      { kind: "text", text: "a" },
      { kind: "mention", user: bea },
      { kind: "text", text: "b" },
    ]);
  });
});

describe("the composer's draft", () => {
  it("turns picked names into tokens, longest first, only where they stand whole", () => {
    const picked: PickedMentions = new Map([
      ["@Bob", 3],
      ["@Bob Smith", 4],
      ["@דנה כהן", 12],
    ]);
    expect(draftToContent("@Bob Smith, @Bob and @Bobby, @דנה כהן!", picked)).toBe("<@4>, <@3> and @Bobby, <@12>!");
    expect(draftToContent("@Bob", new Map())).toBe("@Bob");
  });

  it("round-trips a stored message through editing", () => {
    const picked: PickedMentions = new Map();
    const draft = contentToDraft("ask <@4> and <@7> (<@99>)", [bobSmith, bea], picked);
    expect(draft).toBe("ask @Bob Smith and @Bea 山田 😀 (<@99>)");
    expect(draftToContent(draft, picked)).toBe("ask <@4> and <@7> (<@99>)");
  });

  it("finds the @query before the caret, not inside a word or an address", () => {
    expect(mentionQueryAt("hi @be", 6)).toEqual({ start: 3, query: "be" });
    expect(mentionQueryAt("@", 1)).toEqual({ start: 0, query: "" });
    expect(mentionQueryAt("mail me@example", 15)).toBeNull();
    expect(mentionQueryAt("hi @be there", 12)).toBeNull();
    expect(mentionQueryAt("(@山", 3)).toEqual({ start: 1, query: "山" });
  });

  it("suggests members by name or username, prefixes first, never me", () => {
    const members = [bob, bobSmith, bea, rtl];
    expect(suggestMembers(members, "b", 12).map((m) => m.id)).toEqual([7, 3, 4]);
    expect(suggestMembers(members, "sm", 12).map((m) => m.id)).toEqual([4]);
    expect(suggestMembers(members, "smith", 12).map((m) => m.id)).toEqual([4]);
    expect(suggestMembers(members, "כה", 3).map((m) => m.id)).toEqual([12]);
    expect(suggestMembers(members, "", 3).map((m) => m.id)).not.toContain(3);
  });
});

describe("the room list's mention count in the store", () => {
  const room: WireRoom = {
    id: 5,
    name: "Crew",
    kind: "GROUP",
    last_seq: 1,
    last_read_id: 0,
    job_id: null,
    last_message_content: "earlier",
    last_message_time: "2026-11-30T09:00:00.000Z",
    last_message_sender: { id: 2, username: "other" },
    unread_count: 0,
    unread_mentions: 0,
    updated_at: "2026-11-30T09:00:00.000Z",
    owner_id: null,
  };
  const activity = (seq: number, senderId: number, mentions: number[]): RoomActivityEvent => ({
    room_id: 5,
    seq,
    message_id: 100 + seq,
    sender: { id: senderId, username: `u${senderId}` },
    preview: `m${seq}`,
    timestamp: new Date(Date.parse("2026-11-30T10:00:00Z") + seq * 1000).toISOString(),
    mentions,
  });
  const listed = (store: ReturnType<typeof createChatStore>) => store.getState().rooms[0];

  it("counts a message that mentions me once, not mine, not one that mentions others, not a room on screen; reading clears it", () => {
    const store = createChatStore({ me: { id: 1, username: "me", name: "Me" }, rooms: [room], roomsCursor: null, unreadTotal: 0 });
    store.applyActivity(activity(2, 2, [1, 3]));
    store.applyActivity(activity(2, 2, [1, 3]));
    store.applyActivity(activity(3, 2, [3]));
    store.applyActivity(activity(4, 1, [1]));
    expect(listed(store)).toMatchObject({ unread_count: 2, unread_mentions: 1 });
    store.setViewingRoom(5);
    store.applyActivity(activity(5, 2, [1]));
    expect(listed(store)).toMatchObject({ unread_count: 2, unread_mentions: 1 });
    store.markRoomSeen(5);
    expect(listed(store)).toMatchObject({ unread_count: 0, unread_mentions: 0 });
  });
});
