"use client";
// For the whole signed-in session: the tab's connection, its user channel (room list
// updates, and system notifications of new messages) and the room list's revalidation (SWR,
// polling while the WebSocket is down).
import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";
import { useSWRConfig } from "swr";
import { useChatContext } from "@/hooks/use-chat-store";
import { useRoomListSync } from "@/hooks/use-room-list-sync";
import { watchConnection } from "@/lib/chat/client/connection-watch";
import { bindUserChannel } from "@/lib/chat/client/realtime-bindings";
import { ROOMS_KEY } from "@/lib/chat/client/swr-keys";
import { realtimeClient } from "@/lib/realtime/browser-client";
import type { RoomActivityEvent } from "@/lib/wire/events";

export function useRealtimeConnection(): void {
  const { store, realtime } = useChatContext();
  const { mutate } = useSWRConfig();
  const router = useRouter();
  const routerRef = useRef(router);
  routerRef.current = router;
  useRoomListSync();

  useEffect(() => {
    let cancelled = false;
    let cleanups: Array<() => void> = [];
    void realtimeClient(realtime).then((pusher) => {
      if (cancelled) return;
      // Events published while the user channel was unsubscribed are not replayed: refetch.
      const refreshRoomList = () => void mutate(ROOMS_KEY).catch(() => {});
      // The notification code loads only once the user allowed notifications and a message came.
      const notify = (activity: RoomActivityEvent) => {
        if (typeof Notification === "undefined" || Notification.permission !== "granted") return;
        void import("@/lib/chat/client/notify").then(({ showMessageNotification }) =>
          showMessageNotification(store, activity, (roomId) => routerRef.current.push(`/rooms/${roomId}`)),
        );
      };
      cleanups = [watchConnection(store, pusher), bindUserChannel(store, pusher, refreshRoomList, notify)];
    });
    return () => {
      cancelled = true;
      for (const cleanup of cleanups) cleanup();
    };
  }, [store, realtime, mutate]);
}
