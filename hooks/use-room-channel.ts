"use client";
// The open room's channels (private for its events, presence for who is online and typing):
// subscribed while the room is on screen, unsubscribed when it closes.
import { useEffect } from "react";
import { useChatContext } from "@/hooks/use-chat-store";
import { bindRoomChannel } from "@/lib/chat/client/realtime-bindings";
import { realtimeClient } from "@/lib/realtime/browser-client";

export function useRoomChannel(roomId: number): void {
  const { store, realtime } = useChatContext();
  useEffect(() => {
    let cancelled = false;
    let cleanup = () => {};
    void realtimeClient(realtime).then((pusher) => {
      if (!cancelled) cleanup = bindRoomChannel(store, pusher, roomId);
    });
    return () => {
      cancelled = true;
      cleanup();
    };
  }, [store, realtime, roomId]);
}
