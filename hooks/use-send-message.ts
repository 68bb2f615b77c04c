"use client";
// Optimistic sending through the server action (the attempt itself, with its "Failed" rules,
// lives in lib/chat/client/send-attempt so the soak test drives the same code).
import { useMemo } from "react";
import { sendMessageAction } from "@/app/(chat)/actions";
import { useChatStore } from "@/hooks/use-chat-store";
import { mentionsIn } from "@/lib/chat/client/mention-draft";
import { newPending } from "@/lib/chat/client/pending";
import { attemptSend } from "@/lib/chat/client/send-attempt";
import type { WireAttachment, WireReply } from "@/lib/wire/rest";

export type MessageSender = {
  /** A reply quotes `replyTo`; `attachments` are finished uploads (the text may then be empty). */
  send: (content: string, extras?: { replyTo?: WireReply | null; attachments?: WireAttachment[] }) => void;
  retry: (clientId: string) => void;
  discard: (clientId: string) => void;
};

export function useSendMessage(roomId: number): MessageSender {
  const store = useChatStore();
  return useMemo(
    () => ({
      send(content, { replyTo = null, attachments = [] } = {}) {
        const mentions = mentionsIn(content, store.getState().members[roomId]);
        const pending = newPending(roomId, content, { replyTo, mentions, attachments });
        store.addPending(pending);
        void attemptSend(store, roomId, pending.client_id, sendMessageAction);
      },
      retry: (clientId) => void attemptSend(store, roomId, clientId, sendMessageAction),
      discard: (clientId) => store.discardPending(roomId, clientId),
    }),
    [store, roomId],
  );
}
