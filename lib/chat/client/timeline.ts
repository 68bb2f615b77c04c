// A room's loaded messages as the browser holds them: ascending by id, each id once.
import type { WireMessage, WireMessagePage } from "@/lib/wire/rest";

export type Timeline = {
  messages: WireMessage[];
  hasMoreOlder: boolean;
  loadingOlder: boolean;
  olderError: string | null;
  /** Where the "New messages" divider goes: fixed when the room is opened. */
  firstUnreadId: number | null;
  /**
   * The newest id through which the timeline is known to hold every message: moved by REST
   * pages, which are contiguous, and by messages from any source whose seq continues it without
   * a hole (syncedThrough). Not by a message beyond a hole: our own send answer can arrive while
   * others' messages are missing, and live events can come out of order or not at all (a failed
   * publish). 0: the room was empty when opened. Catch-up starts here, never at the newest id.
   */
  syncedId: number;
  /**
   * Set while an older window (the page around a message far back) is held apart from the newest
   * messages: nothing after `afterId` up to the next held message has been loaded. Filled by
   * loading newer pages (lib/chat/client/sync.ts loadNewer) until it joins them.
   */
  gap: { afterId: number } | null;
  loadingNewer: boolean;
  newerError: string | null;
};

export function timelineFromPage(page: WireMessagePage, unreadCount: number, myId: number): Timeline {
  return {
    messages: page.messages,
    hasMoreOlder: page.has_more,
    loadingOlder: false,
    olderError: null,
    firstUnreadId: firstUnread(page.messages, unreadCount, myId),
    // The opening page is the newest one: complete up to its newest message.
    syncedId: page.newest_id ?? 0,
    gap: null,
    loadingNewer: false,
    newerError: null,
  };
}

/**
 * The timeline showing `page`, a page around a message (around=), beside the newest messages it
 * holds: a window left behind by an earlier jump is dropped, and the window joins the newest
 * messages when it reaches them, else a gap stands between. syncedId is untouched: it belongs to
 * the newest messages, which stay.
 */
export function withWindow(t: Timeline, page: WireMessagePage): Timeline {
  const live = t.gap ? t.messages.filter((m) => m.id > t.gap!.afterId) : t.messages;
  const firstLive = live[0]?.id;
  const windowNewest = page.newest_id ?? 0;
  const joined = !page.has_more_newer || firstLive === undefined || windowNewest >= firstLive;
  const olderThanHeld = firstLive === undefined || (page.oldest_id ?? 0) < firstLive;
  return {
    ...t,
    messages: mergeMessages(live, page.messages),
    hasMoreOlder: olderThanHeld ? (page.has_more_older ?? page.has_more) : t.hasMoreOlder,
    loadingOlder: false,
    olderError: null,
    gap: joined ? null : { afterId: windowNewest },
    loadingNewer: false,
    newerError: null,
  };
}

/** The first held message after the gap: where the newest messages start. */
const afterGap = (t: Timeline): number | undefined => (t.gap ? t.messages.find((m) => m.id > t.gap!.afterId)?.id : undefined);

/** A newer page (after=gap.afterId) landing in the gap: merged, and the gap closes once it reaches the held messages. */
export function fillGap(t: Timeline, page: WireMessagePage): Timeline {
  if (!t.gap) return t;
  const next = afterGap(t);
  const newest = page.newest_id ?? t.gap.afterId;
  const joined = !page.has_more || next === undefined || newest >= next;
  return {
    ...t,
    messages: mergeMessages(t.messages, page.messages),
    gap: joined ? null : { afterId: newest },
    loadingNewer: false,
    newerError: null,
  };
}

/**
 * Messages from events and answers, less any that fall inside the gap (an edit of a message
 * not loaded): placed there they would stand beside messages they do not follow. Loading the gap
 * brings them as they are. New messages are newer than everything held, so they always pass.
 */
export function outsideGap(t: Timeline, incoming: WireMessage[]): WireMessage[] {
  const next = afterGap(t);
  if (!t.gap || next === undefined) return incoming;
  const from = t.gap.afterId;
  return incoming.filter((m) => m.id <= from || m.id >= next);
}

/** The oldest of the last `unreadCount` messages from other people. */
function firstUnread(messages: WireMessage[], unreadCount: number, myId: number): number | null {
  if (unreadCount <= 0) return null;
  let seen = 0;
  let first: number | null = null;
  for (let i = messages.length - 1; i >= 0 && seen < unreadCount; i--) {
    if (messages[i].sender.id === myId) continue;
    first = messages[i].id;
    seen++;
  }
  return first;
}

/**
 * Merges by id (an incoming copy replaces the held one), keeping ascending order. A deletion is
 * final: a copy from before it (a late event, a page fetched earlier) does not bring it back.
 */
export function mergeMessages(current: WireMessage[], incoming: WireMessage[]): WireMessage[] {
  if (incoming.length === 0) return current;
  const sorted = [...incoming].sort((a, b) => a.id - b.id);
  const first = current[0];
  const last = current.at(-1);
  // The common cases, without rebuilding the whole list: appending newer, prepending older.
  if (!last || sorted[0].id > last.id) return dedupeSorted([...current, ...sorted]);
  if (first && sorted.at(-1)!.id < first.id) return dedupeSorted([...sorted, ...current]);
  const byId = new Map(current.map((m) => [m.id, m]));
  for (const m of sorted) {
    if (!m.deleted && byId.get(m.id)?.deleted) continue;
    byId.set(m.id, m);
  }
  return [...byId.values()].sort((a, b) => a.id - b.id);
}

function dedupeSorted(messages: WireMessage[]): WireMessage[] {
  return messages.filter((m, i) => i === 0 || m.id !== messages[i - 1].id);
}

/**
 * Walks forward from `syncedId` while each held message's seq is the previous one's + 1: how far
 * the timeline is now known complete, and whether a held message lies beyond a hole (a missed
 * message: fetch the gap). A room empty when opened (syncedId 0) starts before seq 1.
 */
export function syncedThrough(t: Timeline): { syncedId: number; gap: boolean } {
  const { messages, syncedId } = t;
  let i = messages.length - 1;
  while (i >= 0 && messages[i].id > syncedId) i--;
  if (i < 0 && syncedId > 0) return { syncedId, gap: false };
  let seq = i >= 0 ? messages[i].seq : 0;
  let through = syncedId;
  for (let j = i + 1; j < messages.length; j++) {
    if (messages[j].seq !== seq + 1) return { syncedId: through, gap: true };
    seq = messages[j].seq;
    through = messages[j].id;
  }
  return { syncedId: through, gap: false };
}

/** The newest held message someone else sent. */
export function newestFromOthers(t: Timeline | undefined, myId: number): number | null {
  const messages = t?.messages ?? [];
  for (let i = messages.length - 1; i >= 0; i--) if (messages[i].sender.id !== myId) return messages[i].id;
  return null;
}

export const newestId = (t: Timeline | undefined): number | null => t?.messages.at(-1)?.id ?? null;
export const oldestId = (t: Timeline | undefined): number | null => t?.messages[0]?.id ?? null;
