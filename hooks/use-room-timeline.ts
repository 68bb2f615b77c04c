"use client";
// The open room's messages: the server-rendered first page until the store holds the room
// (right after the first commit), then the store's live copy. Closing the room drops it.
import { useLayoutEffect, useMemo } from "react";
import { useChatContext, useChatState } from "@/hooks/use-chat-store";
import { catchUpIfSubscribed } from "@/lib/chat/client/realtime-bindings";
import type { Timeline } from "@/lib/chat/client/timeline";
import { openedTimeline } from "@/lib/chat/client/store";
import type { WireMessagePage } from "@/lib/wire/rest";
import { realtimeClient } from "@/lib/realtime/browser-client";

/** `aroundPage`: opened at a message (a search result), held beside the newest page. */
export function useRoomTimeline(roomId: number, initialPage: WireMessagePage, unreadAtOpen: number, aroundPage?: WireMessagePage): Timeline {
  const { store, realtime } = useChatContext();
  const myId = useChatState((s) => s.me.id);
  const held = useChatState((s) => s.timelines[roomId]);
  const firstPaint = useMemo(() => openedTimeline(initialPage, unreadAtOpen, myId, aroundPage), [initialPage, unreadAtOpen, myId, aroundPage]);

  // Only on opening: later server re-renders of this page must not rewind the live copy.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the first page is read once per open
  useLayoutEffect(() => {
    store.openTimeline(roomId, initialPage, unreadAtOpen, aroundPage);
    void realtimeClient(realtime).then((pusher) => catchUpIfSubscribed(store, pusher, roomId));
    return () => store.closeTimeline(roomId);
  }, [store, realtime, roomId]);

  return held ?? firstPaint;
}
