"use client";
import { useState } from "react";
import { RoomListItem } from "@/components/chat/room-list-item";
import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import { useChatState, useChatStore } from "@/hooks/use-chat-store";
import { usePageVisible } from "@/hooks/use-page-visible";
import type { ChatState } from "@/lib/chat/client/store";
import { loadMoreRooms } from "@/lib/chat/client/sync";

const selectRooms = (s: ChatState) => s.rooms;
const selectActive = (s: ChatState) => s.activeRoomId;
const selectCursor = (s: ChatState) => s.roomsCursor;
const selectMyId = (s: ChatState) => s.me.id;

export function RoomList() {
  const store = useChatStore();
  const rooms = useChatState(selectRooms);
  const activeRoomId = useChatState(selectActive);
  const cursor = useChatState(selectCursor);
  const myId = useChatState(selectMyId);
  const visible = usePageVisible();
  const [loadingMore, setLoadingMore] = useState(false);

  if (rooms.length === 0) {
    return (
      <p className="px-4 py-8 text-center text-sm text-slate-600 dark:text-slate-400">No conversations yet. Start one with the buttons above.</p>
    );
  }

  const more = async () => {
    setLoadingMore(true);
    await loadMoreRooms(store).catch(() => {});
    setLoadingMore(false);
  };

  return (
    <nav aria-label="Conversations" className="flex flex-col">
      <ul className="flex flex-col gap-0.5 px-2">
        {rooms.map((room) => {
          const active = room.id === activeRoomId;
          // The open room is being read: its badge would only flash until the read lands.
          const unread = active && visible ? 0 : room.unread_count;
          return <RoomListItem key={room.id} room={room} active={active} unread={unread} myId={myId} />;
        })}
      </ul>
      {cursor ? (
        <div className="flex justify-center p-3">
          <Button variant="ghost" size="sm" onClick={more} disabled={loadingMore}>
            {loadingMore ? <Spinner /> : null}
            Show more conversations
          </Button>
        </div>
      ) : null}
    </nav>
  );
}
