"use client";
// For the whole signed-in session: the tab's connection and its user channel (room list updates,
// and system notifications of new messages); a (re)subscription asks SWR's room list sync for a
// fresh list.
import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";
import { useChatContext } from "@/hooks/use-chat-store";
import { watchConnection } from "@/lib/chat/client/connection-watch";
import { bindUserChannel } from "@/lib/chat/client/realtime-bindings";
import { requestRoomListRefresh } from "@/lib/chat/client/room-list-refresh";
import { realtimeClient } from "@/lib/realtime/browser-client";
import type { RoomActivityEvent } from "@/lib/wire/events";

export function useRealtimeConnection(): void {
  const { store, realtime } = useChatContext();
  const router = useRouter();
  const routerRef = useRef(router);
  routerRef.current = router;

  useEffect(() => {
    let cancelled = false;
    let cleanups: Array<() => void> = [];
    void realtimeClient(realtime).then((pusher) => {
      if (cancelled) return;
      // The notification code loads only once the user allowed notifications and a message came.
      const notify = (activity: RoomActivityEvent) => {
        if (typeof Notification === "undefined" || Notification.permission !== "granted") return;
        void import("@/lib/chat/client/notify").then(({ showMessageNotification }) =>
          showMessageNotification(store, activity, (roomId) => routerRef.current.push(`/rooms/${roomId}`)),
        );
      };
      // Events published while the user channel was unsubscribed are not replayed: refetch.
      cleanups = [watchConnection(store, pusher), bindUserChannel(store, pusher, requestRoomListRefresh, notify)];
    });
    return () => {
      cancelled = true;
      for (const cleanup of cleanups) cleanup();
    };
  }, [store, realtime]);
}
