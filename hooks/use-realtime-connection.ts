"use client";
// For the whole signed-in session: the tab's connection and its user channel (room list
// updates); a (re)subscription asks SWR's room list sync for a fresh list.
import { useEffect } from "react";
import { useChatContext } from "@/hooks/use-chat-store";
import { watchConnection } from "@/lib/chat/client/connection-watch";
import { bindUserChannel } from "@/lib/chat/client/realtime-bindings";
import { requestRoomListRefresh } from "@/lib/chat/client/room-list-refresh";
import { realtimeClient } from "@/lib/realtime/browser-client";

export function useRealtimeConnection(): void {
  const { store, realtime } = useChatContext();

  useEffect(() => {
    let cancelled = false;
    let cleanups: Array<() => void> = [];
    void realtimeClient(realtime).then((pusher) => {
      if (cancelled) return;
      // Events published while the user channel was unsubscribed are not replayed: refetch.
      cleanups = [watchConnection(store, pusher), bindUserChannel(store, pusher, requestRoomListRefresh)];
    });
    return () => {
      cancelled = true;
      for (const cleanup of cleanups) cleanup();
    };
  }, [store, realtime]);
}
