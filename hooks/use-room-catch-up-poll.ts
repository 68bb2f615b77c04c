"use client";
// While realtime is down, an open room catches up through REST every few seconds (SWR's
// polling; the first poll at once). The catch-up itself (lib/chat/client/sync) writes into the
// store; SWR's value is only the id the room is known complete through.
import useSWR from "swr";
import { useChatState, useChatStore } from "@/hooks/use-chat-store";
import { POLL_INTERVAL_MS } from "@/lib/chat/client/connection-watch";
import type { ChatState } from "@/lib/chat/client/store";
import { catchUpKey } from "@/lib/chat/client/swr-keys";
import { catchUp } from "@/lib/chat/client/sync";

const selectDegraded = (s: ChatState) => s.connection.degraded;

export function useRoomCatchUpPoll(roomId: number): void {
  const store = useChatStore();
  const degraded = useChatState(selectDegraded);
  useSWR(
    degraded ? catchUpKey(roomId) : null,
    async () => {
      await catchUp(store, roomId);
      return store.getState().timelines[roomId]?.syncedId ?? null;
    },
    {
      refreshInterval: POLL_INTERVAL_MS,
      refreshWhenHidden: true,
      revalidateOnFocus: false,
      // Every poll must reach the server: a catch-up is never answered from the cache.
      dedupingInterval: 0,
    },
  );
}
