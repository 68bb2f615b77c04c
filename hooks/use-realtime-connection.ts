"use client";
// For the whole signed-in session: the tab's connection, its user channel (room list
// updates) and the polling fallback while the WebSocket is down.
import { useEffect } from "react";
import { useChatContext, useChatState } from "@/hooks/use-chat-store";
import { pollWhileDegraded, watchConnection } from "@/lib/chat/client/connection-watch";
import { bindUserChannel } from "@/lib/chat/client/realtime-bindings";
import type { ChatState } from "@/lib/chat/client/store";
import { realtimeClient } from "@/lib/realtime/browser-client";

const selectDegraded = (s: ChatState) => s.connection.degraded;

export function useRealtimeConnection(): void {
  const { store, realtime } = useChatContext();
  const degraded = useChatState(selectDegraded);

  useEffect(() => {
    let cancelled = false;
    let cleanups: Array<() => void> = [];
    void realtimeClient(realtime).then((pusher) => {
      if (!cancelled) cleanups = [watchConnection(store, pusher), bindUserChannel(store, pusher)];
    });
    return () => {
      cancelled = true;
      for (const cleanup of cleanups) cleanup();
    };
  }, [store, realtime]);

  useEffect(() => (degraded ? pollWhileDegraded(store) : undefined), [store, degraded]);
}
