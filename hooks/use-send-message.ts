"use client";
// Optimistic sending through the server action (the attempt itself, with its "Failed" rules,
// lives in lib/chat/client/send-attempt so the soak test drives the same code).
import { useMemo } from "react";
import { sendMessageAction } from "@/app/(chat)/actions";
import { useChatStore } from "@/hooks/use-chat-store";
import { newPending } from "@/lib/chat/client/pending";
import { attemptSend } from "@/lib/chat/client/send-attempt";
import type { WireAttachment } from "@/lib/wire/rest";

export type MessageSender = {
  send: (content: string, attachments?: WireAttachment[]) => void;
  retry: (clientId: string) => void;
  discard: (clientId: string) => void;
};

export function useSendMessage(roomId: number): MessageSender {
  const store = useChatStore();
  return useMemo(
    () => ({
      send(content, attachments) {
        const pending = newPending(roomId, content, attachments);
        store.addPending(pending);
        void attemptSend(store, roomId, pending.client_id, sendMessageAction);
      },
      retry: (clientId) => void attemptSend(store, roomId, clientId, sendMessageAction),
      discard: (clientId) => store.discardPending(roomId, clientId),
    }),
    [store, roomId],
  );
}
