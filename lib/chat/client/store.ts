// The one client-side store: every chat component reads from it (through hooks/use-chat-store)
// and every realtime event, REST answer and server-action result is written into it.
import type { WireMessage, WireMessagePage, WireReadMark, WireRoom } from "@/lib/wire/rest";
import type { RoomActivityEvent } from "@/lib/wire/events";
import type { RoomMember } from "@/lib/chat/rooms";
import type { MembersChangeWire as MembersUpdatedEvent } from "@/lib/wire/rest";
import type { PendingMessage } from "@/lib/chat/client/pending";
import { activityOrder, applyActivity, sumUnread, upsertRooms, withUnread } from "@/lib/chat/client/room-list";
import { fillGap, mergeMessages, outsideGap, syncedThrough, type Timeline, timelineFromPage, withWindow } from "@/lib/chat/client/timeline";

/** readReceipts: whether I send read receipts, and so see others' (absent means on). hidePreviews:
 * notifications say a message came, not what it says. */
export type Me = {
  id: number;
  username: string;
  name: string;
  isAdmin?: boolean;
  readReceipts?: boolean;
  hidePreviews?: boolean;
  mentionsWhenMuted?: boolean;
};

/** pusher-js connection states, plus whether we have fallen back to polling. */
export type ConnectionStatus = { state: string; degraded: boolean };

export type TypingUser = { userId: number; name: string };

export type ChatState = {
  me: Me;
  rooms: WireRoom[];
  roomsCursor: string | null;
  /** Unread messages in rooms beyond the loaded list (only when the list has more pages). */
  unreadElsewhere: number;
  activeRoomId: number | null;
  /** The open room while the tab is visible (hooks/use-mark-read): its new messages from others
   * are read as they arrive, so room.activity does not count them as unread. */
  viewingRoomId: number | null;
  timelines: Record<number, Timeline>;
  pending: Record<number, PendingMessage[]>;
  members: Record<number, RoomMember[]>;
  /** How far the other members of an open room have read (only while I send read receipts). */
  readMarks: Record<number, WireReadMark[]>;
  online: Record<number, number[]>;
  /** An open room's realtime channels (bindRoomChannel); absent while closed. */
  channels: Record<number, RoomChannels>;
  typing: Record<number, TypingUser[]>;
  /** Rooms whose channel authorization was refused since the page loaded: removed from them. */
  lostRooms: number[];
  connection: ConnectionStatus;
};

/** `subscribed`: the private channel (every server event) is live. `presence`: "full" when the
 * presence channel refused us for its member limit; the room works without online dots and typing. */
export type RoomChannels = { subscribed: boolean; presence: "joining" | "joined" | "full" };

export type ChatInit = { me: Me; rooms: WireRoom[]; roomsCursor: string | null; unreadTotal: number };

type Listener = () => void;

export function createChatStore(init: ChatInit) {
  let state: ChatState = {
    me: init.me,
    rooms: upsertRooms([], init.rooms),
    roomsCursor: init.roomsCursor,
    unreadElsewhere: Math.max(0, init.unreadTotal - sumUnread(init.rooms)),
    activeRoomId: null,
    viewingRoomId: null,
    timelines: {},
    pending: {},
    members: {},
    readMarks: {},
    online: {},
    channels: {},
    typing: {},
    lostRooms: [],
    connection: { state: "initialized", degraded: false },
  };
  /**
   * What the server rendered from: the initial state plus what the server's render seeded
   * (seedRoom). Hydration reads this, not the live state, which effects and realtime events
   * may already have moved on by the time a streamed part of the page hydrates.
   */
  let rendered = state;
  const listeners = new Set<Listener>();

  const set = (next: Partial<ChatState>) => {
    state = { ...state, ...next };
    for (const listener of listeners) listener();
  };
  const setIn = <K extends "timelines" | "pending" | "members" | "readMarks" | "online" | "channels" | "typing">(
    key: K,
    roomId: number,
    value: ChatState[K][number] | undefined,
  ) => {
    const copy = { ...state[key] };
    if (value === undefined) delete copy[roomId];
    else copy[roomId] = value;
    set({ [key]: copy } as Partial<ChatState>);
  };
  const patchTimeline = (roomId: number, patch: (t: Timeline) => Partial<Timeline>) => {
    const timeline = state.timelines[roomId];
    if (timeline) setIn("timelines", roomId, { ...timeline, ...patch(timeline) });
  };
  const withoutPending = (roomId: number, clientId: string) => {
    const list = state.pending[roomId];
    if (list?.some((p) => p.client_id === clientId)) {
      const rest = list.filter((p) => p.client_id !== clientId);
      setIn("pending", roomId, rest.length ? rest : undefined);
    }
  };

  return {
    getState: () => state,
    getRenderedState: () => rendered,
    subscribe(listener: Listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },

    /**
     * Called while rendering an open room, on the server and again while hydrating, with the
     * same server data: adds the room and its members to the rendered state once. Notifies no
     * one; the live state gets them from an effect (RoomFrame).
     */
    seedRoom(room: WireRoom, members: RoomMember[]) {
      if (rendered.members[room.id]) return;
      rendered = {
        ...rendered,
        rooms: rendered.rooms.some((r) => r.id === room.id) ? rendered.rooms : upsertRooms(rendered.rooms, [room]),
        members: { ...rendered.members, [room.id]: members },
      };
    },

    // Rooms
    /** A room marked `removed` (we left it or were removed) leaves the list instead. */
    upsertRooms(rooms: WireRoom[]) {
      if (!rooms.length) return;
      const gone = new Set(rooms.filter((r) => r.removed).map((r) => r.id));
      const held = gone.size ? state.rooms.filter((r) => !gone.has(r.id)) : state.rooms;
      set({
        rooms: upsertRooms(
          held,
          rooms.filter((r) => !r.removed),
        ),
      });
    },
    appendRoomPage(rooms: WireRoom[], cursor: string | null) {
      const known = new Set(state.rooms.map((r) => r.id));
      const added = sumUnread(rooms.filter((r) => !known.has(r.id)));
      set({
        rooms: upsertRooms(state.rooms, rooms),
        roomsCursor: cursor,
        unreadElsewhere: cursor ? Math.max(0, state.unreadElsewhere - added) : 0,
      });
    },
    setUnreadElsewhere(total: number) {
      set({ unreadElsewhere: Math.max(0, total - sumUnread(state.rooms)) });
    },
    markRoomSeen(roomId: number) {
      set({ rooms: withUnread(state.rooms, roomId, 0) });
    },
    /** We are no longer a member: out of the list, and the open room says so. */
    dropRoom(roomId: number) {
      set({
        rooms: state.rooms.filter((r) => r.id !== roomId),
        lostRooms: state.lostRooms.includes(roomId) ? state.lostRooms : [...state.lostRooms, roomId],
      });
      setIn("online", roomId, undefined);
      setIn("channels", roomId, undefined);
      setIn("typing", roomId, undefined);
    },
    setActiveRoom(roomId: number | null) {
      if (state.activeRoomId !== roomId) set({ activeRoomId: roomId });
    },
    setViewingRoom(roomId: number | null) {
      if (state.viewingRoomId !== roomId) set({ viewingRoomId: roomId });
    },
    /**
     * A room's new message from room.activity (one payload for every member): the room moves to
     * the top with the preview, and the unread count grows by one unless the message is ours or
     * the room is on screen. "unknown" when the room is not in the list (fetch the list), "gap"
     * when a message before this one never reached the list (fetch the room for its count).
     */
    applyActivity(activity: RoomActivityEvent): "next" | "stale" | "gap" | "unknown" {
      const held = state.rooms.find((r) => r.id === activity.room_id);
      if (!held) return "unknown";
      const order = activityOrder(held, activity);
      const counted = activity.sender.id !== state.me.id && state.viewingRoomId !== activity.room_id;
      const rooms = applyActivity(state.rooms, activity, counted, activity.mentions?.includes(state.me.id));
      if (rooms !== state.rooms) set({ rooms });
      return order;
    },

    // Messages
    /** `around`: opened at a message (a search hit), beside the newest page. */
    openTimeline(roomId: number, page: WireMessagePage, unreadCount: number, around?: WireMessagePage) {
      setIn("timelines", roomId, openedTimeline(page, unreadCount, state.me.id, around));
    },
    /** Shows the page around a message (a quote or a search hit whose message is not held). */
    showAround(roomId: number, page: WireMessagePage) {
      patchTimeline(roomId, (t) => withWindow(t, page));
    },
    setNewerLoading(roomId: number, loading: boolean, error: string | null = null) {
      patchTimeline(roomId, () => ({ loadingNewer: loading, newerError: error }));
    },
    /** A newer page loaded into the gap after a window (see Timeline.gap). */
    fillGap(roomId: number, page: WireMessagePage) {
      patchTimeline(roomId, (t) => fillGap(t, page));
    },
    closeTimeline(roomId: number) {
      setIn("timelines", roomId, undefined);
      setIn("typing", roomId, undefined);
    },
    /**
     * Stored messages from any source (event, page, send answer); replaces our pending copies and
     * moves syncedId over every message that continues it by seq. True when a held message now
     * lies beyond a seq hole: a message was missed (the caller fetches the gap).
     */
    receiveMessages(roomId: number, messages: WireMessage[]): boolean {
      for (const m of messages) if (m.sender.id === state.me.id) withoutPending(roomId, m.client_id);
      let gap = false;
      patchTimeline(roomId, (t) => {
        const merged = { ...t, messages: mergeMessages(t.messages, outsideGap(t, messages)) };
        const synced = syncedThrough(merged);
        gap = synced.gap;
        return { messages: merged.messages, syncedId: synced.syncedId };
      });
      return gap;
    },
    /** Catch-up reached `upToId` with no gap (see Timeline.syncedId). */
    markSynced(roomId: number, upToId: number) {
      const timeline = state.timelines[roomId];
      if (timeline && upToId > timeline.syncedId) patchTimeline(roomId, () => ({ syncedId: upToId }));
    },
    /** Also the quotes of it in replies: they say it was deleted, and lose its text. */
    markDeleted(roomId: number, messageId: number) {
      patchTimeline(roomId, (t) => ({
        messages: t.messages.map((m) =>
          m.id === messageId
            ? { ...m, deleted: true, content: "" }
            : m.reply_to?.id === messageId
              ? { ...m, reply_to: { ...m.reply_to, deleted: true, excerpt: "" } }
              : m,
        ),
      }));
    },
    markOwnRead(roomId: number, upToId: number) {
      patchTimeline(roomId, (t) => ({
        messages: t.messages.map((m) => (m.sender.id === state.me.id && m.id <= upToId && !m.is_read ? { ...m, is_read: true } : m)),
      }));
    },
    /** The server's marks (page load or refresh), merged with any newer ones already heard live. */
    setReadMarks(roomId: number, marks: WireReadMark[]) {
      const live = new Map((state.readMarks[roomId] ?? []).map((m) => [m.user_id, m]));
      setIn(
        "readMarks",
        roomId,
        marks.map((m) => {
          const heard = live.get(m.user_id);
          return heard && heard.up_to_id > m.up_to_id ? heard : m;
        }),
      );
    },
    /** Someone else's read mark moved (read.updated); marks only move forward. */
    applyReadMark(roomId: number, mark: WireReadMark) {
      if (state.me.readReceipts === false || mark.user_id === state.me.id) return;
      const marks = state.readMarks[roomId] ?? [];
      const held = marks.find((m) => m.user_id === mark.user_id);
      if (held && held.up_to_id >= mark.up_to_id) return;
      setIn("readMarks", roomId, [...marks.filter((m) => m.user_id !== mark.user_id), mark]);
    },
    /** Turning receipts off hides everyone's at once; turning them on reloads them (the page refreshes). */
    setReadReceipts(on: boolean) {
      set({ me: { ...state.me, readReceipts: on }, ...(on ? {} : { readMarks: {} }) });
    },
    /** The notification settings this tab applies (components/chat/message-notifier). */
    setNotifySettings(change: Pick<Me, "hidePreviews" | "mentionsWhenMuted">) {
      set({ me: { ...state.me, ...change } });
    },
    setOlderLoading(roomId: number, loading: boolean, error: string | null = null) {
      patchTimeline(roomId, () => ({ loadingOlder: loading, olderError: error }));
    },
    prependOlder(roomId: number, page: WireMessagePage) {
      patchTimeline(roomId, (t) => ({
        messages: mergeMessages(t.messages, page.messages),
        hasMoreOlder: page.has_more,
        loadingOlder: false,
        olderError: null,
      }));
    },

    // Pending sends
    addPending(message: PendingMessage) {
      setIn("pending", message.room_id, [...(state.pending[message.room_id] ?? []), message]);
    },
    updatePending(roomId: number, clientId: string, patch: Partial<PendingMessage>) {
      const list = state.pending[roomId];
      if (!list?.some((p) => p.client_id === clientId)) return;
      setIn(
        "pending",
        roomId,
        list.map((p) => (p.client_id === clientId ? { ...p, ...patch } : p)),
      );
    },
    discardPending(roomId: number, clientId: string) {
      withoutPending(roomId, clientId);
    },
    findPending(roomId: number, clientId: string): PendingMessage | undefined {
      return state.pending[roomId]?.find((p) => p.client_id === clientId);
    },

    // Presence and typing
    setMembers(roomId: number, members: RoomMember[]) {
      setIn("members", roomId, members);
    },
    /** A group's new member list and owner (members.updated, or our own change's answer). */
    applyMembers(update: MembersUpdatedEvent) {
      const roomId = update.room_id;
      set({ rooms: state.rooms.map((r) => (r.id === roomId && r.owner_id !== update.owner_id ? { ...r, owner_id: update.owner_id } : r)) });
      setIn("members", roomId, update.members);
    },
    setOnline(roomId: number, userIds: number[]) {
      setIn("online", roomId, userIds.length ? [...new Set(userIds)] : undefined);
    },
    /** `undefined` when the room closes. */
    setRoomChannels(roomId: number, channels: RoomChannels | undefined) {
      const held = state.channels[roomId];
      if (held?.subscribed !== channels?.subscribed || held?.presence !== channels?.presence) setIn("channels", roomId, channels);
    },
    setTyping(roomId: number, users: TypingUser[]) {
      setIn("typing", roomId, users.length ? users : undefined);
    },

    setConnection(connection: ConnectionStatus) {
      const held = state.connection;
      if (held.state !== connection.state || held.degraded !== connection.degraded) set({ connection });
    },
  };
}

export type ChatStore = ReturnType<typeof createChatStore>;

/** The newest page, or the page around a message beside it, with no "New messages" divider then. */
export function openedTimeline(page: WireMessagePage, unreadCount: number, myId: number, around?: WireMessagePage): Timeline {
  if (!around) return timelineFromPage(page, unreadCount, myId);
  return withWindow({ ...timelineFromPage(page, 0, myId), firstUnreadId: null }, around);
}
