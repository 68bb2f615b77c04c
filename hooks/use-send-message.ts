"use client";
// Optimistic sending through the server action: the message shows at once as "Sending",
// becomes the stored message on the answer (or on its realtime echo, whichever is first), and
// turns "Failed" on an error or after 10 s without an answer. A retry reuses the client_id,
// which the server stores once per sender, so a retry can never duplicate.
import { useMemo } from "react";
import { sendMessageAction } from "@/app/(chat)/actions";
import { useChatStore } from "@/hooks/use-chat-store";
import { newPending } from "@/lib/chat/client/pending";
import type { ChatStore } from "@/lib/chat/client/store";
import type { WireError } from "@/lib/errors";

export const SEND_TIMEOUT_MS = 10_000;

function failureText(error: WireError): string {
  switch (error.code) {
    case "rate_limited":
      return "You're sending too fast. Wait a moment.";
    case "invalid_input":
      return error.message;
    case "not_found":
      return "You're no longer in this conversation.";
    default:
      return "Not sent.";
  }
}

async function attempt(store: ChatStore, roomId: number, clientId: string): Promise<void> {
  const pending = store.findPending(roomId, clientId);
  if (!pending) return;
  store.updatePending(roomId, clientId, { status: "sending", error: null });
  const timer = setTimeout(() => {
    store.updatePending(roomId, clientId, { status: "failed", error: "No answer from the server." });
  }, SEND_TIMEOUT_MS);
  try {
    const result = await sendMessageAction({ room_id: roomId, content: pending.content, client_id: clientId });
    if (result.ok) store.receiveMessages(roomId, [result.data]);
    else store.updatePending(roomId, clientId, { status: "failed", error: failureText(result.error) });
  } catch {
    store.updatePending(roomId, clientId, { status: "failed", error: "Network error." });
  } finally {
    clearTimeout(timer);
  }
}

export type MessageSender = {
  send: (content: string) => void;
  retry: (clientId: string) => void;
  discard: (clientId: string) => void;
};

export function useSendMessage(roomId: number): MessageSender {
  const store = useChatStore();
  return useMemo(
    () => ({
      send(content) {
        const pending = newPending(roomId, content);
        store.addPending(pending);
        void attempt(store, roomId, pending.client_id);
      },
      retry: (clientId) => void attempt(store, roomId, clientId),
      discard: (clientId) => store.discardPending(roomId, clientId),
    }),
    [store, roomId],
  );
}
