"use client";
// Tells the room we are typing: at most one client-typing event per 3 s while typing, and
// typing:false on send or blur (only if we had said we were typing).
import { useCallback, useRef } from "react";
import { useChatContext } from "@/hooks/use-chat-store";
import { sendTyping } from "@/lib/chat/client/realtime-bindings";
import { TYPING_REPEAT_MS } from "@/lib/chat/client/typing";
import { realtimeClient } from "@/lib/realtime/browser-client";

export function useTypingSender(roomId: number): { typing: () => void; stopped: () => void } {
  const { store, realtime } = useChatContext();
  const lastSent = useRef(0);

  const emit = useCallback(
    (typing: boolean) => {
      const { me } = store.getState();
      void realtimeClient(realtime).then((pusher) => sendTyping(pusher, roomId, { user_id: me.id, username: me.username, typing }));
    },
    [store, realtime, roomId],
  );

  const typing = useCallback(() => {
    const now = Date.now();
    if (now - lastSent.current < TYPING_REPEAT_MS) return;
    lastSent.current = now;
    emit(true);
  }, [emit]);

  const stopped = useCallback(() => {
    if (lastSent.current === 0) return;
    lastSent.current = 0;
    emit(false);
  }, [emit]);

  return { typing, stopped };
}
