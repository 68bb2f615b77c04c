"use client";
// Viewing a room marks it read: shortly after its newest message is on screen in a visible
// tab, through markReadAction. The answer (and room.updated in every other tab) drops the
// badge to 0.
import { useEffect, useRef } from "react";
import { markReadAction } from "@/app/(chat)/actions";
import { useChatState, useChatStore } from "@/hooks/use-chat-store";
import { usePageVisible } from "@/hooks/use-page-visible";
import { newestId } from "@/lib/chat/client/timeline";

const MARK_READ_DEBOUNCE_MS = 400;

export function useMarkRead(roomId: number): void {
  const store = useChatStore();
  const newest = useChatState((s) => newestId(s.timelines[roomId]));
  const unread = useChatState((s) => s.rooms.find((r) => r.id === roomId)?.unread_count ?? 0);
  const visible = usePageVisible();
  const marked = useRef(0);

  useEffect(() => {
    if (!visible || newest === null || unread === 0 || newest <= marked.current) return;
    const timer = setTimeout(() => {
      marked.current = newest;
      void markReadAction({ room_id: roomId, up_to_id: newest }).then(
        (result) => {
          if (result.ok) store.upsertRooms([result.data]);
          else marked.current = 0;
        },
        () => {
          marked.current = 0;
        },
      );
    }, MARK_READ_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [store, roomId, newest, unread, visible]);
}
