// A window far back in the browser's timeline (a quote or a search hit 2,000 messages up): held
// beside the newest messages with a gap between, filled by newer pages until it joins them, while
// live messages keep landing at the end and nothing lands in the gap.
import { afterEach, describe, expect, it, vi } from "vitest";
import { createChatStore, openedTimeline } from "@/lib/chat/client/store";
import { loadNewer, loadOlder, showMessage } from "@/lib/chat/client/sync";
import type { WireMessage, WireMessagePage } from "@/lib/wire/rest";
import { ids, ME, message, messages, page, ROOM } from "@/tests/support/wire-messages";

/** The page around `id` as the server answers it, in a room of messages 1..last. */
function around(id: number, last: number, limit = 10): WireMessagePage {
  const from = Math.max(1, id - limit / 2 + 1);
  const to = Math.min(last, from + limit - 1);
  const list = messages(from, to);
  return { ...page(list, from > 1), has_more_older: from > 1, has_more_newer: to < last };
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

function openAtEnd(last = 2100) {
  const store = createChatStore({ me: ME, rooms: [], roomsCursor: null, unreadTotal: 0 });
  store.openTimeline(ROOM, page(messages(last - 49, last), true), 0);
  return store;
}
const timeline = (store: ReturnType<typeof createChatStore>) => store.getState().timelines[ROOM];

describe("a window far back", () => {
  it("holds the window and the newest page with a gap between, keeping the newest page's sync point", () => {
    const store = openAtEnd();
    store.showAround(ROOM, around(100, 2100));
    const t = timeline(store);
    expect(ids(t.messages)).toEqual([...range(96, 105), ...range(2051, 2100)]);
    expect(t.gap).toEqual({ afterId: 105 });
    expect(t.hasMoreOlder).toBe(true);
    expect(t.syncedId).toBe(2100);
  });

  it("new live messages while detached land after the newest, not in the gap; a later catch-up continues from the newest", () => {
    const store = openAtEnd();
    store.showAround(ROOM, around(100, 2100));
    expect(store.receiveMessages(ROOM, [message(2101)])).toBe(false);
    store.receiveMessages(ROOM, [message(2102)]);
    const t = timeline(store);
    expect(ids(t.messages).slice(-3)).toEqual([2100, 2101, 2102]);
    expect(t.syncedId).toBe(2102);
    expect(t.gap).toEqual({ afterId: 105 });
    // A message beyond a hole is still a missed one: the seq check still works at the end.
    expect(store.receiveMessages(ROOM, [message(2104)])).toBe(true);
  });

  it("an edit of a message inside the gap is not placed there; one in the window or the newest page applies", () => {
    const store = openAtEnd();
    store.showAround(ROOM, around(100, 2100));
    store.receiveMessages(ROOM, [message(500, { content: "edited far away" }), message(101, { content: "edited in window" })]);
    store.receiveMessages(ROOM, [message(2060, { content: "edited at the end" })]);
    const t = timeline(store);
    expect(ids(t.messages)).not.toContain(500);
    expect(t.messages.find((m) => m.id === 101)?.content).toBe("edited in window");
    expect(t.messages.find((m) => m.id === 2060)?.content).toBe("edited at the end");
  });

  it("newer pages fill the gap until one reaches the newest messages, then it is one timeline again", () => {
    const store = openAtEnd(200);
    store.showAround(ROOM, around(60, 200));
    expect(timeline(store).gap).toEqual({ afterId: 65 });
    store.fillGap(ROOM, page(messages(66, 115), true));
    expect(timeline(store).gap).toEqual({ afterId: 115 });
    store.fillGap(ROOM, page(messages(116, 165), true));
    const t = timeline(store);
    expect(t.gap).toBeNull();
    expect(ids(t.messages)).toEqual(range(56, 200));
  });

  it("a window that reaches the newest page (or a page with nothing newer) joins at once", () => {
    const store = openAtEnd(200);
    store.showAround(ROOM, around(148, 200, 10));
    expect(timeline(store).gap).toBeNull();
    expect(ids(timeline(store).messages)).toEqual(range(144, 200));
  });

  it("a second jump drops the first window, keeping the newest messages", () => {
    const store = openAtEnd();
    store.showAround(ROOM, around(100, 2100));
    store.showAround(ROOM, around(1000, 2100));
    const t = timeline(store);
    expect(ids(t.messages)).toEqual([...range(996, 1005), ...range(2051, 2100)]);
    expect(t.gap).toEqual({ afterId: 1005 });
  });

  it("opened at a message (a search hit): the window beside the newest page, no unread divider", () => {
    const t = openedTimeline(page(messages(2051, 2100), true), 5, ME.id, around(100, 2100));
    expect(t.gap).toEqual({ afterId: 105 });
    expect(t.firstUnreadId).toBeNull();
    expect(t.syncedId).toBe(2100);
    // Near the end, the page around is the newest page: no gap.
    expect(openedTimeline(page(messages(2051, 2100), true), 0, ME.id, around(2098, 2100)).gap).toBeNull();
  });

  it("a deleted original turns every quote of it to deleted, without its text", () => {
    const store = openAtEnd(20);
    const quote = { id: 12, sender: { id: 2, username: "other", name: "Other" }, excerpt: "message 12", deleted: false };
    store.receiveMessages(ROOM, [message(21, { reply_to: quote })]);
    store.markDeleted(ROOM, 12);
    const reply = timeline(store).messages.find((m) => m.id === 21);
    expect(reply?.reply_to).toEqual({ ...quote, excerpt: "", deleted: true });
  });
});

describe("loading around and newer through REST", () => {
  afterEach(() => vi.unstubAllGlobals());

  /** A fake server for the page route, over messages 1..last: the network, not our code. */
  function serve(last: number, calls: string[]) {
    const all = messages(1, last);
    vi.stubGlobal("fetch", async (url: string) => {
      const q = new URL(url, "http://localhost").searchParams;
      calls.push(q.toString());
      const limit = Number(q.get("limit"));
      let body: WireMessagePage;
      if (q.has("around")) body = around(Number(q.get("around")), last, limit);
      else if (q.has("after")) {
        const list: WireMessage[] = all.filter((m) => m.id > Number(q.get("after"))).slice(0, limit);
        body = page(list, (list.at(-1)?.id ?? last) < last);
      } else {
        const before = Number(q.get("before"));
        const list = all.filter((m) => m.id < before).slice(-limit);
        body = page(list, (list[0]?.id ?? 1) > 1);
      }
      return new Response(JSON.stringify(body), { status: 200, headers: { "content-type": "application/json" } });
    });
  }

  it("showMessage loads the page around a message 2,000 back; loadNewer walks forward until it joins", async () => {
    const calls: string[] = [];
    serve(2100, calls);
    const store = openAtEnd();
    expect(await showMessage(store, ROOM, 100)).toBe(true);
    expect(calls).toEqual(["limit=50&around=100"]);
    expect(timeline(store).gap).not.toBeNull();
    // Live messages keep coming meanwhile.
    store.receiveMessages(ROOM, [message(2101)]);
    let pages = 0;
    while (timeline(store).gap && pages++ < 100) await loadNewer(store, ROOM);
    const t = timeline(store);
    expect(t.gap).toBeNull();
    expect(ids(t.messages)).toEqual(range(76, 2101));
    expect(t.syncedId).toBe(2101);
    // Already held: no request.
    calls.length = 0;
    expect(await showMessage(store, ROOM, 2000)).toBe(true);
    expect(calls).toEqual([]);
  });

  it("an older page that was in flight across a jump is dropped, not glued to the new window", async () => {
    const calls: string[] = [];
    serve(2100, calls);
    const store = openAtEnd();
    const older = loadOlder(store, ROOM);
    store.showAround(ROOM, around(1000, 2100));
    await older;
    expect(ids(timeline(store).messages)).toEqual([...range(996, 1005), ...range(2051, 2100)]);
    expect(timeline(store).loadingOlder).toBe(false);
  });
});
