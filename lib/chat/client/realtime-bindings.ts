// Wiring pusher-js channels into the store. Each bind function subscribes, binds its events
// and returns the cleanup that unbinds and unsubscribes. Every successful (re)subscription is
// followed by one REST catch-up, because events published while unsubscribed are not replayed,
// and so is a message.created whose seq skips one (a publish that never reached us).
import type Pusher from "pusher-js";
import type { Members, PresenceChannel } from "pusher-js";
import { REVOKED } from "@/lib/chat/client/connection-watch";
import type { ChatStore, RoomChannels } from "@/lib/chat/client/store";
import { catchUp, fetchWholeMessage, refreshMembers, refreshRoom, refreshRooms } from "@/lib/chat/client/sync";
import { receiveTyping } from "@/lib/chat/client/typing";
import { roomChannel, roomPresenceChannel, userChannel } from "@/lib/realtime/channels";
import { EVENTS, parseEvent, type RoomActivityEvent, type TypingEvent } from "@/lib/wire/events";

/** pusher-js passes client events on presence channels the sender's id as the server attached it. */
type Handler = (data: unknown, metadata?: { user_id?: string }) => void;

/** Our auth endpoints refused the subscription: signed out, deactivated, or not a member. */
function refused(error: unknown): boolean {
  const status = (error as { status?: unknown } | null)?.status;
  return status === 401 || status === 403;
}

function bindAll(channel: { bind(e: string, h: Handler): unknown; unbind(e: string, h: Handler): unknown }, handlers: Record<string, Handler>) {
  for (const [event, handler] of Object.entries(handlers)) channel.bind(event, handler);
  return () => {
    for (const [event, handler] of Object.entries(handlers)) channel.unbind(event, handler);
  };
}

const ignore = () => {};

/** `refreshRoomList` runs on every (re)subscription, and for activity in a room the list does not
 * hold yet (its name and unread count come from the server): the browser passes SWR's revalidation.
 * `onActivity` hears every new message after the store has it (the browser's notifications). */
export function bindUserChannel(
  store: ChatStore,
  pusher: Pusher,
  refreshRoomList: () => void = () => void refreshRooms(store).catch(ignore),
  onActivity: (activity: RoomActivityEvent) => void = ignore,
): () => void {
  const name = userChannel(store.getState().me.id);
  const channel = pusher.subscribe(name);
  const unbind = bindAll(channel, {
    [EVENTS.roomUpdated]: (data) => {
      const room = parseEvent(EVENTS.roomUpdated, data);
      if (room) store.upsertRooms([room]);
    },
    [EVENTS.roomActivity]: (data) => {
      const activity = parseEvent(EVENTS.roomActivity, data);
      if (!activity) return;
      const order = store.applyActivity(activity);
      if (order === "unknown") refreshRoomList();
      else if (order === "gap") void refreshRoom(store, activity.room_id).catch(ignore);
      if (order !== "stale") onActivity(activity);
    },
    "pusher:subscription_succeeded": refreshRoomList,
    // Our own channel refused: this session may no longer use realtime at all. Stay off rather
    // than retry on every reconnect; the next page load signs in again or shows the login.
    "pusher:subscription_error": (error) => {
      if (!refused(error)) return;
      store.setConnection({ state: REVOKED, degraded: false });
      pusher.disconnect();
    },
  });
  return () => {
    unbind();
    pusher.unsubscribe(name);
  };
}

type MemberInfo = { username?: string; name?: string };

function memberIds(members: Members): number[] {
  const ids: number[] = [];
  members.each((member: { id: string }) => ids.push(Number(member.id)));
  return ids;
}

/** The presence channel refused us because it already holds its 100 members (LimitReached, as
 * hosted Pusher and our embedded server answer it): not an error, the room works without it. */
function presenceFull(error: unknown): boolean {
  return (error as { type?: unknown } | null)?.type === "LimitReached";
}

/** An open room: its private channel carries every server event (any number of members), its
 * presence channel who is online and typing (at most 100 members get in). */
export function bindRoomChannel(store: ChatStore, pusher: Pusher, roomId: number): () => void {
  const name = roomChannel(roomId);
  const presenceName = roomPresenceChannel(roomId);
  const channel = pusher.subscribe(name);
  const presence = pusher.subscribe(presenceName) as PresenceChannel;
  const me = store.getState().me.id;
  let live: RoomChannels = { subscribed: channel.subscribed, presence: presence.subscribed ? "joined" : "joining" };
  const setLive = (patch: Partial<RoomChannels>) => {
    live = { ...live, ...patch };
    store.setRoomChannels(roomId, live);
  };
  setLive({});
  const displayName = (userId: number, fallback: string) => {
    const member = store.getState().members[roomId]?.find((m) => m.id === userId);
    const info = presence.members?.get(String(userId))?.info as MemberInfo | undefined;
    return member?.name || info?.name || fallback;
  };
  const onOnlineChange = () => store.setOnline(roomId, memberIds(presence.members));

  const unbindEvents = bindAll(channel, {
    [EVENTS.messageCreated]: (data) => {
      const parsed = parseEvent(EVENTS.messageCreated, data);
      if (!parsed || parsed.room_id !== roomId) return;
      const { truncated, ...message } = parsed;
      const held = store.getState().timelines[roomId]?.messages.some((m) => m.id === message.id) ?? false;
      // A preview shows at once but never replaces a whole copy we already hold.
      const gap = !truncated || !held ? store.receiveMessages(roomId, [message]) : false;
      if (gap) void catchUp(store, roomId).catch(ignore);
      if (truncated) void fetchWholeMessage(store, roomId, message.id).catch(() => catchUp(store, roomId).catch(ignore));
      const sender = message.sender;
      if (sender.id !== me) receiveTyping(store, roomId, { userId: sender.id, name: sender.username }, false);
    },
    [EVENTS.messageUpdated]: (data) => {
      const parsed = parseEvent(EVENTS.messageUpdated, data);
      if (parsed?.room_id !== roomId) return;
      const { truncated, ...message } = parsed;
      store.receiveMessages(roomId, [message]);
      if (truncated) void fetchWholeMessage(store, roomId, message.id).catch(ignore);
    },
    [EVENTS.messageDeleted]: (data) => {
      const deleted = parseEvent(EVENTS.messageDeleted, data);
      if (deleted?.room_id === roomId) store.markDeleted(roomId, deleted.id);
    },
    [EVENTS.readUpdated]: (data) => {
      const read = parseEvent(EVENTS.readUpdated, data);
      if (!read || read.user_id === me || read.room_id !== roomId) return;
      store.markOwnRead(roomId, read.up_to_id);
      store.applyReadMark(roomId, { user_id: read.user_id, up_to_id: read.up_to_id, read_at: read.read_at ?? new Date().toISOString() });
    },
    [EVENTS.membersUpdated]: (data) => {
      const update = parseEvent(EVENTS.membersUpdated, data);
      if (update?.room_id !== roomId) return;
      const { owner_id, members } = update;
      if (members) store.applyMembers({ room_id: roomId, owner_id, members });
      else void refreshMembers(store, roomId, owner_id).catch(ignore);
    },
    "pusher:subscription_succeeded": () => {
      setLive({ subscribed: true });
      void catchUp(store, roomId).catch(ignore);
    },
    // Refused on (re)subscribing: removed from the room. Drop it instead of retrying each reconnect.
    "pusher:subscription_error": (error) => {
      if (!refused(error)) return;
      store.dropRoom(roomId);
      pusher.unsubscribe(name);
      pusher.unsubscribe(presenceName);
    },
  });
  const unbindPresence = bindAll(presence, {
    [EVENTS.typing]: (data, metadata) => {
      // Who is typing is the member the server authenticated, never the payload's claim.
      const userId = Number(metadata?.user_id);
      const typing = parseEvent(EVENTS.typing, data);
      if (!typing || !Number.isSafeInteger(userId) || userId <= 0 || userId === me) return;
      receiveTyping(store, roomId, { userId, name: displayName(userId, "Someone") }, typing.typing);
    },
    "pusher:subscription_succeeded": () => {
      setLive({ presence: "joined" });
      onOnlineChange();
    },
    // Full: pusher-js asks again on its next reconnect, when a place may have freed up. Refused
    // (removed): the private channel's refusal drops the room; stop asking here.
    "pusher:subscription_error": (error) => {
      if (presenceFull(error)) {
        // pusher-js leaves a subscription the server refused pending, and a pending one is only
        // cancelled by unsubscribe and reinstated (never asked again) by the next subscribe:
        // settle it as pusher-js does for an auth error, so reopening the room asks afresh.
        presence.subscriptionPending = false;
        setLive({ presence: "full" });
      } else if (refused(error)) pusher.unsubscribe(presenceName);
    },
    "pusher:member_added": onOnlineChange,
    "pusher:member_removed": onOnlineChange,
  });
  return () => {
    unbindEvents();
    unbindPresence();
    pusher.unsubscribe(name);
    pusher.unsubscribe(presenceName);
    store.setOnline(roomId, []);
    store.setRoomChannels(roomId, undefined);
  };
}

/** A client event straight to the other browsers in the room; nothing reaches our server. The
 * receivers take the sender from the server-attached user_id, not from this payload. */
export function sendTyping(pusher: Pusher, roomId: number, payload: TypingEvent) {
  const channel = pusher.channel(roomPresenceChannel(roomId));
  if (channel?.subscribed) channel.trigger(EVENTS.typing, payload);
}

/** For a timeline opened after its channel was already subscribed: catch up the gap. */
export function catchUpIfSubscribed(store: ChatStore, pusher: Pusher, roomId: number): void {
  if (pusher.channel(roomChannel(roomId))?.subscribed) void catchUp(store, roomId).catch(ignore);
}
