// Fetching through REST into the store: older pages (scrolling up), catch-up after a
// (re)subscription and the polling fallback, and the room list.
import type { ChatStore } from "@/lib/chat/client/store";
import type { WireRoom } from "@/lib/wire/rest";
import { fetchMembers, fetchMessages, fetchRoom, fetchRooms, fetchUnreadTotal } from "@/lib/chat/client/rest";
import { oldestId } from "@/lib/chat/client/timeline";

// A bound, not a budget: catch-up starts at the last id known complete (Timeline.syncedId), which
// live events do not move, so after a long connected stretch it re-reads what they delivered. Too
// low a bound stopped short of the newest messages (the soak lost them at 40 pages).
const MAX_CATCH_UP_PAGES = 400;
const running = new Map<string, { again: boolean }>();

/** Runs `task` once at a time per key; a call during a run schedules exactly one more run. */
async function single(key: string, task: () => Promise<void>): Promise<void> {
  const current = running.get(key);
  if (current) {
    current.again = true;
    return;
  }
  const entry = { again: true };
  running.set(key, entry);
  try {
    while (entry.again) {
      entry.again = false;
      await task();
    }
  } finally {
    running.delete(key);
  }
}

/**
 * Everything the room may have missed, page by page: forward from the id the timeline is known
 * complete through (Timeline.syncedId), not from its newest message, which may be our own send
 * answered while others' messages published in the same gap never reached us. A room that was
 * empty when opened has no such id: walk back from the newest page until the start.
 */
export function catchUp(store: ChatStore, roomId: number): Promise<void> {
  return single(`catch-up:${roomId}`, async () => {
    const synced = store.getState().timelines[roomId]?.syncedId;
    if (synced === undefined) return;
    let cursor: { after: number } | { before: number } | Record<string, never> = synced > 0 ? { after: synced } : {};
    let newest = synced;
    for (let i = 0; i < MAX_CATCH_UP_PAGES; i++) {
      if (!store.getState().timelines[roomId]) return;
      const page = await fetchMessages(roomId, cursor);
      store.receiveMessages(roomId, page.messages);
      if ("after" in cursor) {
        newest = page.newest_id ?? newest;
        store.markSynced(roomId, newest);
        if (!page.has_more) return;
        cursor = { after: newest };
      } else {
        if (i === 0) newest = page.newest_id ?? 0;
        if (!page.has_more || page.oldest_id === null) {
          store.markSynced(roomId, newest);
          return;
        }
        cursor = { before: page.oldest_id };
      }
    }
  });
}

/**
 * A message whose live event carried only a preview (too large for one realtime event): the
 * whole message from the page route (`before=id+1&limit=1`, the same access check as the page).
 */
export async function fetchWholeMessage(store: ChatStore, roomId: number, messageId: number): Promise<void> {
  const page = await fetchMessages(roomId, { before: messageId + 1 }, undefined, 1);
  const message = page.messages.find((m) => m.id === messageId);
  if (message) store.receiveMessages(roomId, [message]);
  else await catchUp(store, roomId);
}

/** One older page (scrolling up); the message list keeps the viewport steady as it lands. */
export async function loadOlder(store: ChatStore, roomId: number): Promise<void> {
  const timeline = store.getState().timelines[roomId];
  const before = oldestId(timeline);
  if (!timeline || before === null || !timeline.hasMoreOlder || timeline.loadingOlder) return;
  store.setOlderLoading(roomId, true);
  try {
    const page = await fetchMessages(roomId, { before });
    // A jump to another message while this was in flight: its page no longer borders the timeline.
    if (oldestId(store.getState().timelines[roomId]) === before) store.prependOlder(roomId, page);
    else store.setOlderLoading(roomId, false);
  } catch {
    store.setOlderLoading(roomId, false, "Couldn't load older messages.");
  }
}

/** One newer page into the gap after a window far back (Timeline.gap), scrolling down. */
export async function loadNewer(store: ChatStore, roomId: number): Promise<void> {
  const timeline = store.getState().timelines[roomId];
  const after = timeline?.gap?.afterId;
  if (!timeline || after === undefined || timeline.loadingNewer) return;
  store.setNewerLoading(roomId, true);
  try {
    const page = await fetchMessages(roomId, { after });
    if (store.getState().timelines[roomId]?.gap?.afterId === after) store.fillGap(roomId, page);
    else store.setNewerLoading(roomId, false);
  } catch {
    store.setNewerLoading(roomId, false, "Couldn't load newer messages.");
  }
}

/**
 * Makes sure `messageId` is held, loading the page around it when it is not (a quote or a
 * search hit far back). False when the message is not in this room (or no longer visible to us).
 */
export async function showMessage(store: ChatStore, roomId: number, messageId: number): Promise<boolean> {
  const held = () => store.getState().timelines[roomId]?.messages.some((m) => m.id === messageId) ?? false;
  if (held()) return true;
  try {
    store.showAround(roomId, await fetchMessages(roomId, { around: messageId }));
  } catch {
    return false;
  }
  return held();
}

export type RoomListHead = { rooms: WireRoom[]; unreadTotal: number | null };

/** The first page of the room list, and the total unread when the list has more pages. */
export async function fetchRoomListHead(store: ChatStore): Promise<RoomListHead> {
  const { rooms } = await fetchRooms();
  return { rooms, unreadTotal: store.getState().roomsCursor ? await fetchUnreadTotal() : null };
}

export function applyRoomListHead(store: ChatStore, head: RoomListHead): void {
  store.upsertRooms(head.rooms);
  if (head.unreadTotal !== null) store.setUnreadElsewhere(head.unreadTotal);
}

/**
 * The room list again (after a realtime gap), for tabs without SWR (the soak, realtime tests);
 * the browser runs the same two steps through SWR (hooks/use-room-list-sync).
 */
export function refreshRooms(store: ChatStore): Promise<void> {
  return single("rooms", async () => applyRoomListHead(store, await fetchRoomListHead(store)));
}

export function loadMoreRooms(store: ChatStore): Promise<void> {
  return single("more-rooms", async () => {
    const cursor = store.getState().roomsCursor;
    if (!cursor) return;
    const page = await fetchRooms(cursor);
    store.appendRoomPage(page.rooms, page.nextCursor);
  });
}

/** A large group's members.updated names only the owner: the list comes by REST. */
/** One room as the server has it now: its exact unread count after a room.activity gap. */
export function refreshRoom(store: ChatStore, roomId: number): Promise<void> {
  return single(`room:${roomId}`, async () => store.upsertRooms([await fetchRoom(roomId)]));
}

export async function refreshMembers(store: ChatStore, roomId: number, ownerId: number | null): Promise<void> {
  store.applyMembers({ room_id: roomId, owner_id: ownerId, members: await fetchMembers(roomId) });
}
