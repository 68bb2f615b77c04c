// A room's timeline as the browser holds it: merged ascending by id with each id once, the
// "New messages" divider, and the items the message list draws.
import { describe, expect, it } from "vitest";
import type { PendingMessage } from "@/lib/chat/client/pending";
import { mergeMessages, newestId, oldestId, timelineFromPage } from "@/lib/chat/client/timeline";
import { messageKey, timelineItems } from "@/lib/chat/client/timeline-items";
import { ids, ME, message, messages, page } from "@/tests/support/wire-messages";

describe("mergeMessages", () => {
  it("appends newer and prepends older messages in id order", () => {
    const held = messages(10, 12);
    expect(ids(mergeMessages(held, [message(14), message(13)]))).toEqual([10, 11, 12, 13, 14]);
    expect(ids(mergeMessages(held, [message(8), message(9)]))).toEqual([8, 9, 10, 11, 12]);
  });

  it("fills a gap in the middle and keeps ascending order whatever the arrival order", () => {
    const held = [...messages(1, 3), ...messages(8, 9)];
    expect(ids(mergeMessages(held, [message(6), message(4), message(5), message(7)]))).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it("holds each id once: a copy that arrives again replaces the held one", () => {
    const held = messages(1, 3);
    const merged = mergeMessages(held, [message(2, { content: "edited", edited_at: "2026-11-30T11:00:00.000Z" }), message(3), message(4)]);
    expect(ids(merged)).toEqual([1, 2, 3, 4]);
    expect(merged[1].content).toBe("edited");
  });

  it("collapses duplicates inside one incoming batch, on the append and the prepend path", () => {
    expect(ids(mergeMessages(messages(1, 2), [message(3), message(3), message(4)]))).toEqual([1, 2, 3, 4]);
    expect(ids(mergeMessages(messages(5, 6), [message(3), message(3)]))).toEqual([3, 5, 6]);
  });

  it("a deleted copy replaces the live one", () => {
    const merged = mergeMessages(messages(1, 3), [message(2, { deleted: true, content: "" })]);
    expect(merged.map((m) => [m.id, m.deleted, m.content])).toEqual([
      [1, false, "message 1"],
      [2, true, ""],
      [3, false, "message 3"],
    ]);
  });

  it("a deletion is final: a late copy from before it does not bring the message back", () => {
    const deleted = mergeMessages(messages(1, 3), [message(2, { deleted: true, content: "" })]);
    const late = mergeMessages(deleted, [message(2), message(4)]);
    expect(late.map((m) => [m.id, m.deleted, m.content])).toEqual([
      [1, false, "message 1"],
      [2, true, ""],
      [3, false, "message 3"],
      [4, false, "message 4"],
    ]);
  });

  it("returns the held list itself when nothing arrives (no re-render)", () => {
    const held = messages(1, 2);
    expect(mergeMessages(held, [])).toBe(held);
  });

  it("starts an empty timeline", () => {
    expect(ids(mergeMessages([], [message(2), message(1)]))).toEqual([1, 2]);
  });
});

describe("timelineFromPage", () => {
  it("puts the divider at the oldest of the last N messages from others, skipping mine", () => {
    const list = [message(1), message(2), message(3), message(4, { sender: ME }), message(5)];
    const timeline = timelineFromPage(page(list, true), 2, ME.id);
    expect(timeline.firstUnreadId).toBe(3);
    expect(timeline.hasMoreOlder).toBe(true);
    expect(timeline.syncedId).toBe(5);
    expect([oldestId(timeline), newestId(timeline)]).toEqual([1, 5]);
  });

  it("has no divider without unread messages, and syncedId 0 for an empty room", () => {
    expect(timelineFromPage(page(messages(1, 3)), 0, ME.id).firstUnreadId).toBeNull();
    const empty = timelineFromPage(page([]), 0, ME.id);
    expect(empty.syncedId).toBe(0);
    expect([oldestId(empty), newestId(empty)]).toEqual([null, null]);
  });
});

describe("timelineItems", () => {
  const pending = (clientId: string, createdAt: string): PendingMessage => ({
    client_id: clientId,
    room_id: 7,
    content: "on its way",
    status: "sending",
    error: null,
    created_at: createdAt,
    reply_to: null,
  });

  it("draws a day separator per day in the viewer's zone, the unread divider, then pending sends", () => {
    const list = [
      message(1, { timestamp: "2026-11-30T22:30:00.000Z" }),
      message(2, { timestamp: "2026-11-30T23:30:00.000Z" }),
      message(3, { timestamp: "2026-12-01T08:00:00.000Z" }),
    ];
    const send = pending("11111111-1111-4111-8111-111111111111", "2026-12-01T08:01:00.000Z");
    const utc = timelineItems(list, [send], 3, ME.id, "UTC");
    expect(utc.map((i) => i.kind)).toEqual(["day", "message", "message", "unread", "day", "message", "pending"]);
    // In Tokyo (UTC+9) all three fall on 1 December: one separator.
    const tokyo = timelineItems(list, [], null, ME.id, "Asia/Tokyo");
    expect(tokyo.filter((i) => i.kind === "day").map((i) => i.key)).toEqual(["d:2026-12-01"]);
  });

  it("keys a pending send and its stored copy alike, so the element survives the swap", () => {
    const clientId = "22222222-2222-4222-8222-222222222222";
    const before = timelineItems([], [pending(clientId, "2026-11-30T10:00:00.000Z")], null, ME.id, "UTC");
    const after = timelineItems([message(9, { sender: ME, client_id: clientId })], [], null, ME.id, "UTC");
    expect(before.at(-1)?.key).toBe(messageKey(ME.id, clientId));
    expect(after.at(-1)?.key).toBe(messageKey(ME.id, clientId));
  });

  it("groups one sender's messages within five minutes, and breaks the group after the divider", () => {
    const at = (minutes: number) => new Date(Date.parse("2026-11-30T10:00:00Z") + minutes * 60_000).toISOString();
    const list = [
      message(1, { timestamp: at(0) }),
      message(2, { timestamp: at(4) }),
      message(3, { timestamp: at(10) }),
      message(4, { timestamp: at(11) }),
    ];
    const continued = (firstUnread: number | null) =>
      timelineItems(list, [], firstUnread, ME.id, "UTC").flatMap((i) => (i.kind === "message" ? [i.continued] : []));
    expect(continued(null)).toEqual([false, true, false, true]);
    expect(continued(4)).toEqual([false, true, false, false]);
  });

  it("still draws a deleted message in its place", () => {
    const items = timelineItems([message(1), message(2, { deleted: true, content: "" }), message(3)], [], null, ME.id, "UTC");
    const drawn = items.flatMap((i) => (i.kind === "message" ? [[i.message.id, i.message.deleted]] : []));
    expect(drawn).toEqual([
      [1, false],
      [2, true],
      [3, false],
    ]);
  });
});
