"use client";
// Creates the tab's one chat store from what the server layout rendered, and keeps the
// realtime connection, the user channel and the unread title running for the session.
import { type ReactNode, useState } from "react";
import { ChatContext, type ChatContextValue } from "@/hooks/use-chat-store";
import { useUnreadTitle } from "@/hooks/use-document-title";
import { useRealtimeConnection } from "@/hooks/use-realtime-connection";
import { type ChatInit, createChatStore } from "@/lib/chat/client/store";
import type { RealtimeClientConfig } from "@/lib/realtime/client-config";

type ChatProviderProps = ChatInit & { realtime: RealtimeClientConfig; renderedAt: number; children: ReactNode };

export function ChatProvider({ realtime, renderedAt, children, ...init }: ChatProviderProps) {
  const [value] = useState<ChatContextValue>(() => ({ store: createChatStore(init), realtime, renderedAt }));
  return (
    <ChatContext value={value}>
      <SessionEffects />
      {children}
    </ChatContext>
  );
}

function SessionEffects() {
  useRealtimeConnection();
  useUnreadTitle();
  return null;
}
