"use client";
// An open room: its channels (subscribed while the room is on screen), its header, and the
// timeline below.
import { type ReactNode, useLayoutEffect } from "react";
import { RoomHeader } from "@/components/chat/room-header";
import { useChatState, useChatStore } from "@/hooks/use-chat-store";
import { useRoomChannel } from "@/hooks/use-room-channel";
import { useRoomLost } from "@/hooks/use-room-lost";
import type { RoomMember } from "@/lib/chat/rooms";
import type { WireRoom } from "@/lib/wire/rest";

export function RoomFrame({ room, members, children }: { room: WireRoom; members: RoomMember[]; children: ReactNode }) {
  const store = useChatStore();
  // Before any child renders: the timeline below names senders from these members, on the
  // server and while hydrating alike.
  store.seedRoom(room, members);
  useRoomChannel(room.id);

  useLayoutEffect(() => {
    store.setMembers(room.id, members);
    if (!store.getState().rooms.some((r) => r.id === room.id)) store.upsertRooms([room]);
    store.setActiveRoom(room.id);
    return () => store.setActiveRoom(null);
  }, [store, room, members]);

  // The store's copy is live (renamed, new messages); the server's is the first paint.
  const live = useChatState((s) => s.rooms.find((r) => r.id === room.id)) ?? room;
  const liveMembers = useChatState((s) => s.members[room.id]) ?? members;
  // Live once the private channel is subscribed and the presence channel has answered (joined,
  // or full in a group of over 100 online): for tests to wait on.
  const channels = useChatState((s) => s.channels[room.id]);
  const subscribed = channels?.subscribed === true && channels.presence !== "joining";
  const lost = useRoomLost(room.id);

  return (
    <section
      aria-labelledby="room-title"
      data-room-id={room.id}
      data-subscribed={subscribed}
      data-presence={channels?.presence ?? "joining"}
      className="flex min-h-0 flex-1 flex-col bg-white dark:bg-slate-900/40"
    >
      <RoomHeader room={live} members={liveMembers} />
      {lost ? (
        <p
          role="status"
          className="border-b border-amber-200 bg-amber-50 px-4 py-2 text-sm text-amber-900 dark:border-amber-500/30 dark:bg-amber-500/10 dark:text-amber-100"
        >
          You’re no longer a member of this conversation.
        </p>
      ) : null}
      {children}
    </section>
  );
}
