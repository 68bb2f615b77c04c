"use client";
// Editing and deleting my own messages through the server actions; the answer updates the store
// at once (the room's message.updated / message.deleted events bring the same to everyone else).
import { useMemo } from "react";
import { deleteMyMessageAction, editMyMessageAction } from "@/app/(chat)/actions";
import { useChatStore } from "@/hooks/use-chat-store";

export type MessageEdits = {
  /** Resolves to an error message to show, or null when saved. */
  edit: (messageId: number, content: string) => Promise<string | null>;
  remove: (messageId: number) => Promise<string | null>;
};

const failed = "Couldn't reach the server. Try again.";

export function useMessageEdits(roomId: number): MessageEdits {
  const store = useChatStore();
  return useMemo(
    () => ({
      async edit(messageId, content) {
        try {
          const result = await editMyMessageAction({ room_id: roomId, message_id: messageId, content });
          if (!result.ok) return result.error.message;
          store.receiveMessages(roomId, [result.data]);
          return null;
        } catch {
          return failed;
        }
      },
      async remove(messageId) {
        try {
          const result = await deleteMyMessageAction({ room_id: roomId, message_id: messageId });
          if (!result.ok) return result.error.message;
          store.markDeleted(roomId, messageId);
          return null;
        } catch {
          return failed;
        }
      },
    }),
    [store, roomId],
  );
}
