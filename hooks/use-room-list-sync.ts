"use client";
// The room list through SWR: revalidated when the tab regains focus or the browser comes back
// online, on every (re)subscription of the user channel (requestRoomListRefresh), and polled
// while realtime is down. Each answer is written into the chat store, which the sidebar reads.
import { useEffect } from "react";
import useSWR from "swr";
import { useChatState, useChatStore } from "@/hooks/use-chat-store";
import { POLL_INTERVAL_MS } from "@/lib/chat/client/connection-watch";
import type { ChatState } from "@/lib/chat/client/store";
import { ROOMS_KEY } from "@/lib/chat/client/swr-keys";
import { registerRoomListRefresher } from "@/lib/chat/client/room-list-refresh";
import { applyRoomListHead, fetchRoomListHead, type RoomListHead } from "@/lib/chat/client/sync";

const selectDegraded = (s: ChatState) => s.connection.degraded;

export function useRoomListSync(): void {
  const store = useChatStore();
  const degraded = useChatState(selectDegraded);
  const { mutate } = useSWR<RoomListHead>(ROOMS_KEY, () => fetchRoomListHead(store), {
    // The server rendered the list (SwrSession's fallback); the user channel's subscription
    // revalidates it once connected.
    revalidateOnMount: false,
    revalidateOnFocus: true,
    revalidateOnReconnect: true,
    refreshInterval: degraded ? POLL_INTERVAL_MS : 0,
    // The unread count in the title matters most in a tab in the background.
    refreshWhenHidden: true,
    onSuccess: (head) => applyRoomListHead(store, head),
  });
  useEffect(() => registerRoomListRefresher(() => void mutate().catch(() => {})), [mutate]);
  // Falling back polls at once, not one interval later.
  useEffect(() => {
    if (degraded) void mutate();
  }, [degraded, mutate]);
}
