// Wiring pusher-js channels into the store. Each bind function subscribes, binds its events
// and returns the cleanup that unbinds and unsubscribes. Every successful (re)subscription is
// followed by one REST catch-up, because events published while unsubscribed are not replayed.
import type Pusher from "pusher-js";
import type { Members, PresenceChannel } from "pusher-js";
import type { ChatStore } from "@/lib/chat/client/store";
import { catchUp, refreshRooms } from "@/lib/chat/client/sync";
import { receiveTyping } from "@/lib/chat/client/typing";
import {
  membersUpdatedSchema,
  messageDeletedSchema,
  readUpdatedSchema,
  typingEventSchema,
  wireMessageSchema,
  wireRoomSchema,
} from "@/lib/chat/client/wire-schemas";
import { EVENTS, roomChannel, userChannel } from "@/lib/realtime/channels";

type Handler = (data: unknown) => void;

function bindAll(channel: { bind(e: string, h: Handler): unknown; unbind(e: string, h: Handler): unknown }, handlers: Record<string, Handler>) {
  for (const [event, handler] of Object.entries(handlers)) channel.bind(event, handler);
  return () => {
    for (const [event, handler] of Object.entries(handlers)) channel.unbind(event, handler);
  };
}

const ignore = () => {};

export function bindUserChannel(store: ChatStore, pusher: Pusher): () => void {
  const name = userChannel(store.getState().me.id);
  const channel = pusher.subscribe(name);
  const unbind = bindAll(channel, {
    [EVENTS.roomUpdated]: (data) => {
      const room = wireRoomSchema.safeParse(data);
      if (room.success) store.upsertRooms([room.data]);
    },
    "pusher:subscription_succeeded": () => void refreshRooms(store).catch(ignore),
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

export function bindRoomChannel(store: ChatStore, pusher: Pusher, roomId: number): () => void {
  const name = roomChannel(roomId);
  const channel = pusher.subscribe(name) as PresenceChannel;
  const me = store.getState().me.id;
  const displayName = (userId: number, fallback: string) => {
    const member = store.getState().members[roomId]?.find((m) => m.id === userId);
    const info = channel.members?.get(String(userId))?.info as MemberInfo | undefined;
    return member?.name || info?.name || fallback;
  };
  const onOnlineChange = () => store.setOnline(roomId, memberIds(channel.members));

  const unbind = bindAll(channel, {
    [EVENTS.messageCreated]: (data) => {
      const message = wireMessageSchema.safeParse(data);
      if (!message.success || message.data.room_id !== roomId) return;
      store.receiveMessages(roomId, [message.data]);
      const sender = message.data.sender;
      if (sender.id !== me) receiveTyping(store, roomId, { userId: sender.id, name: sender.username }, false);
    },
    [EVENTS.messageUpdated]: (data) => {
      const message = wireMessageSchema.safeParse(data);
      if (message.success && message.data.room_id === roomId) store.receiveMessages(roomId, [message.data]);
    },
    [EVENTS.messageDeleted]: (data) => {
      const deleted = messageDeletedSchema.safeParse(data);
      if (deleted.success && deleted.data.room_id === roomId) store.markDeleted(roomId, deleted.data.id);
    },
    [EVENTS.readUpdated]: (data) => {
      const read = readUpdatedSchema.safeParse(data);
      if (read.success && read.data.user_id !== me) store.markOwnRead(roomId, read.data.up_to_id);
    },
    [EVENTS.membersUpdated]: (data) => {
      const update = membersUpdatedSchema.safeParse(data);
      if (update.success && update.data.room_id === roomId) store.applyMembers(update.data);
    },
    [EVENTS.typing]: (data) => {
      const typing = typingEventSchema.safeParse(data);
      if (!typing.success || typing.data.user_id === me) return;
      const { user_id, username } = typing.data;
      receiveTyping(store, roomId, { userId: user_id, name: displayName(user_id, username) }, typing.data.typing);
    },
    "pusher:subscription_succeeded": () => {
      onOnlineChange();
      void catchUp(store, roomId).catch(ignore);
    },
    "pusher:member_added": onOnlineChange,
    "pusher:member_removed": onOnlineChange,
  });
  return () => {
    unbind();
    pusher.unsubscribe(name);
    store.setOnline(roomId, []);
  };
}

/** A client event straight to the other browsers in the room; nothing reaches our server. */
export function sendTyping(pusher: Pusher, roomId: number, payload: { user_id: number; username: string; typing: boolean }) {
  const channel = pusher.channel(roomChannel(roomId));
  if (channel?.subscribed) channel.trigger(EVENTS.typing, payload);
}

/** For a timeline opened after its channel was already subscribed: catch up the gap. */
export function catchUpIfSubscribed(store: ChatStore, pusher: Pusher, roomId: number): void {
  if (pusher.channel(roomChannel(roomId))?.subscribed) void catchUp(store, roomId).catch(ignore);
}
