"use client";
import { useId, useState } from "react";
import { RoomListItem } from "@/components/chat/room-list-item";
import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import { useChatState, useChatStore } from "@/hooks/use-chat-store";
import { usePageVisible } from "@/hooks/use-page-visible";
import { filterRooms } from "@/lib/chat/client/room-filter";
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
  const [filter, setFilter] = useState("");
  const filterId = useId();

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

  const shown = filterRooms(rooms, filter);

  return (
    <nav aria-label="Conversations" className="flex flex-col">
      <div className="px-4 pb-2">
        <label htmlFor={filterId} className="sr-only">
          Filter chats
        </label>
        <input
          id={filterId}
          type="search"
          value={filter}
          onChange={(event) => setFilter(event.target.value)}
          placeholder="Filter chats"
          autoComplete="off"
          className="h-8 w-full rounded-lg border border-slate-300 bg-white px-3 text-sm text-slate-900 placeholder:text-slate-500 focus:border-indigo-500 focus:ring-2 focus:ring-indigo-500/25 focus:outline-none dark:border-slate-700 dark:bg-slate-950 dark:text-slate-100 dark:placeholder:text-slate-400"
        />
      </div>
      {/* Filtering only hides loaded rooms; "Show more" below still loads older ones. */}
      <div role="status">
        {shown.length === 0 ? (
          <p className="px-4 py-6 text-center text-sm text-slate-600 dark:text-slate-400">No chats match “{filter.trim()}”.</p>
        ) : null}
      </div>
      <ul className="flex flex-col gap-0.5 px-2">
        {shown.map((room) => {
          const active = room.id === activeRoomId;
          // The open room is being read: its badge would only flash until the read lands.
          const unread = active && visible ? 0 : room.unread_count;
          const mentions = active && visible ? 0 : (room.unread_mentions ?? 0);
          return <RoomListItem key={room.id} room={room} active={active} unread={unread} myId={myId} mentions={mentions} />;
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
