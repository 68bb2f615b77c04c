// Fetching through REST into the store: older pages (scrolling up), catch-up after a
// (re)subscription and the polling fallback, and the room list.
import type { ChatStore } from "@/lib/chat/client/store";
import { fetchMessages, fetchRooms, fetchUnreadTotal } from "@/lib/chat/client/rest";
import { newestId, oldestId } from "@/lib/chat/client/timeline";

const MAX_CATCH_UP_PAGES = 40;
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

/** Everything newer than what the room holds, page by page until has_more is false. */
export function catchUp(store: ChatStore, roomId: number): Promise<void> {
  return single(`catch-up:${roomId}`, async () => {
    for (let i = 0; i < MAX_CATCH_UP_PAGES; i++) {
      const timeline = store.getState().timelines[roomId];
      if (!timeline) return;
      const after = newestId(timeline);
      const page = await fetchMessages(roomId, after === null ? {} : { after });
      store.receiveMessages(roomId, page.messages);
      if (after === null || !page.has_more) return;
    }
  });
}

/** One older page (scrolling up); the message list keeps the viewport steady as it lands. */
export async function loadOlder(store: ChatStore, roomId: number): Promise<void> {
  const timeline = store.getState().timelines[roomId];
  const before = oldestId(timeline);
  if (!timeline || before === null || !timeline.hasMoreOlder || timeline.loadingOlder) return;
  store.setOlderLoading(roomId, true);
  try {
    const page = await fetchMessages(roomId, { before });
    store.prependOlder(roomId, page);
  } catch {
    store.setOlderLoading(roomId, false, "Couldn't load older messages.");
  }
}

/** The first page of the room list again, and the total unread (after a realtime gap). */
export function refreshRooms(store: ChatStore): Promise<void> {
  return single("rooms", async () => {
    const { rooms } = await fetchRooms();
    store.upsertRooms(rooms);
    if (store.getState().roomsCursor) store.setUnreadElsewhere(await fetchUnreadTotal());
  });
}

export function loadMoreRooms(store: ChatStore): Promise<void> {
  return single("more-rooms", async () => {
    const cursor = store.getState().roomsCursor;
    if (!cursor) return;
    const page = await fetchRooms(cursor);
    store.appendRoomPage(page.rooms, page.nextCursor);
  });
}
