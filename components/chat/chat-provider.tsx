"use client";
// Creates the tab's one chat store from what the server layout rendered, and keeps the
// realtime connection, the user channel and the unread title running for the session. SWR
// (which decides when the room list is fetched again) starts from the same server data, in a
// chunk of its own loaded after hydration.
import { type ReactNode, useState } from "react";
import { SwrSession } from "@/components/chat/lazy-dialogs";
import { ChatContext, type ChatContextValue } from "@/hooks/use-chat-store";
import { useUnreadTitle } from "@/hooks/use-document-title";
import { useRealtimeConnection } from "@/hooks/use-realtime-connection";
import { type ChatInit, createChatStore } from "@/lib/chat/client/store";
import type { RoomListHead } from "@/lib/chat/client/sync";
import type { RealtimeClientConfig } from "@/lib/realtime/client-config";

type ChatProviderProps = ChatInit & { realtime: RealtimeClientConfig; renderedAt: number; children: ReactNode };

export function ChatProvider({ realtime, renderedAt, children, ...init }: ChatProviderProps) {
  const [value] = useState<ChatContextValue>(() => ({ store: createChatStore(init), realtime, renderedAt }));
  const [initialHead] = useState<RoomListHead>(() => ({ rooms: init.rooms, unreadTotal: init.roomsCursor ? init.unreadTotal : null }));
  return (
    <ChatContext value={value}>
      <SessionEffects />
      <SwrSession initialHead={initialHead} />
      {children}
    </ChatContext>
  );
}

function SessionEffects() {
  useRealtimeConnection();
  useUnreadTitle();
  return null;
}
