"use client";
// Two panes on a wide screen; on a phone the room list and the open room are separate screens.
import { useSelectedLayoutSegment } from "next/navigation";
import type { ReactNode } from "react";
import { ConnectionBanner } from "@/components/chat/connection-banner";
import { useChatState } from "@/hooks/use-chat-store";
import type { ChatState } from "@/lib/chat/client/store";

const selectConnection = (s: ChatState) => s.connection.state;

/** `banner`: an account notice above both panes (the unconfirmed-email banner). */
export function ChatShell({ sidebar, banner, children }: { sidebar: ReactNode; banner?: ReactNode; children: ReactNode }) {
  // A room, the page of a room's job, or the settings page: the main pane on a phone (its own screen).
  const segment = useSelectedLayoutSegment();
  const inRoom = segment === "rooms" || segment === "jobs" || segment === "settings";
  const connection = useChatState(selectConnection);
  return (
    // data-realtime: the pusher-js state, for tests to wait on (nothing visible needs it).
    <div data-realtime={connection} className="flex h-dvh flex-col overflow-hidden bg-slate-50 dark:bg-slate-950">
      <ConnectionBanner />
      {banner}
      <div className="flex min-h-0 flex-1">
        <aside
          aria-label="Chats"
          className={`${inRoom ? "hidden md:flex" : "flex"} w-full shrink-0 flex-col border-r border-slate-200 bg-white md:w-80 lg:w-96 dark:border-slate-800 dark:bg-slate-900`}
        >
          {sidebar}
        </aside>
        <main className={`${inRoom ? "flex" : "hidden md:flex"} min-w-0 flex-1 flex-col`}>{children}</main>
      </div>
    </div>
  );
}
