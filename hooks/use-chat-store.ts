"use client";
// Access to the one chat store and the tab's realtime settings, provided by ChatProvider.
import { createContext, useCallback, useContext, useSyncExternalStore } from "react";
import type { ChatState, ChatStore } from "@/lib/chat/client/store";
import type { RealtimeClientConfig } from "@/lib/realtime/client-config";

export type ChatContextValue = {
  store: ChatStore;
  realtime: RealtimeClientConfig;
  /** When the server rendered the page: "now" until the browser's clock takes over. */
  renderedAt: number;
};

export const ChatContext = createContext<ChatContextValue | null>(null);

export function useChatContext(): ChatContextValue {
  const value = useContext(ChatContext);
  if (!value) throw new Error("useChatContext outside ChatProvider");
  return value;
}

export function useChatStore(): ChatStore {
  return useChatContext().store;
}

/**
 * A slice of the store; `select` must return a value that is stable while unchanged. On the
 * server and while hydrating it reads the state the server rendered from, so both render the
 * same; React then re-renders with the live state.
 */
export function useChatState<T>(select: (state: ChatState) => T): T {
  const store = useChatStore();
  const snapshot = useCallback(() => select(store.getState()), [store, select]);
  const renderedSnapshot = useCallback(() => select(store.getRenderedState()), [store, select]);
  return useSyncExternalStore(store.subscribe, snapshot, renderedSnapshot);
}
