"use client";
// "(3) JobChat": the total unread in the tab title. Next.js rewrites <title> from route
// metadata on navigation, so the title is re-applied whenever something else changes it.
import { useCallback, useEffect } from "react";
import { useChatState } from "@/hooks/use-chat-store";
import { usePageVisible } from "@/hooks/use-page-visible";
import { sumUnread } from "@/lib/chat/client/room-list";
import type { ChatState } from "@/lib/chat/client/store";

export const APP_NAME = "JobChat";

export function useUnreadTitle(): void {
  const visible = usePageVisible();
  // Like the sidebar badge, the open room does not count while it is being read.
  const total = useChatState(
    useCallback(
      (s: ChatState) => {
        const reading = visible && s.activeRoomId !== null ? (s.rooms.find((r) => r.id === s.activeRoomId)?.unread_count ?? 0) : 0;
        return sumUnread(s.rooms) + s.unreadElsewhere - reading;
      },
      [visible],
    ),
  );
  useEffect(() => {
    const title = total > 0 ? `(${total}) ${APP_NAME}` : APP_NAME;
    const apply = () => {
      if (document.title !== title) document.title = title;
    };
    apply();
    const observer = new MutationObserver(apply);
    observer.observe(document.head, { childList: true, subtree: true, characterData: true });
    return () => {
      observer.disconnect();
      document.title = APP_NAME;
    };
  }, [total]);
}
