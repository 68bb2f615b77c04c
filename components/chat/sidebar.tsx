"use client";
import { NavLink } from "@/components/ui/nav-link";
import { useState } from "react";
import { MessageSearchResults, NewDirectDialog, NewGroupDialog, NotificationPrompt } from "@/components/chat/lazy-dialogs";
import { RoomList } from "@/components/chat/room-list";
import { SignOutButton } from "@/components/chat/sign-out-button";
import { Avatar } from "@/components/ui/avatar";
import { Button, buttonClasses } from "@/components/ui/button";
import { MessageIcon, PlusIcon, SettingsIcon, UsersIcon } from "@/components/ui/icons";
import { useChatState } from "@/hooks/use-chat-store";
import { useOpenedOnce } from "@/hooks/use-opened-once";
import type { ChatState } from "@/lib/chat/client/store";
import { fitUtf8, MAX_SEARCH_QUERY_BYTES } from "@/lib/chat/limits";

const selectMe = (s: ChatState) => s.me;

export function Sidebar() {
  const me = useChatState(selectMe);
  const [dialog, setDialog] = useState<"direct" | "group" | null>(null);
  const directOpened = useOpenedOnce(dialog === "direct");
  const groupOpened = useOpenedOnce(dialog === "group");
  const [search, setSearch] = useState("");
  const searching = search.trim() !== "";
  return (
    <div className="flex h-full min-h-0 flex-col">
      <header className="flex items-center gap-3 border-b border-slate-200 px-4 py-3 dark:border-slate-800">
        <NavLink href="/" className="flex items-center gap-2 rounded-lg font-semibold tracking-tight">
          <span className="inline-flex size-8 items-center justify-center rounded-lg bg-indigo-600 text-white">
            <MessageIcon width={18} height={18} />
          </span>
          JobChat
        </NavLink>
        <div className="ml-auto flex items-center gap-1">
          <span className="flex items-center gap-2 pr-1" title={`Signed in as ${me.name} (@${me.username})`}>
            <Avatar name={me.name} seed={me.id} size="sm" />
            <span className="sr-only">Signed in as {me.name}</span>
          </span>
          <NavLink href="/settings" className={buttonClasses("ghost", "sm")} aria-label="Settings" title="Settings">
            <SettingsIcon width={16} height={16} />
          </NavLink>
          <SignOutButton />
        </div>
      </header>
      <NotificationPrompt />
      <div className="flex items-center gap-2 px-4 pt-4 pb-2">
        <h2 className="text-xs font-semibold tracking-wide text-slate-600 uppercase dark:text-slate-400">Chats</h2>
        <div className="ml-auto flex gap-1">
          <Button variant="ghost" size="sm" onClick={() => setDialog("direct")}>
            <PlusIcon width={16} height={16} />
            New message
          </Button>
          <Button variant="ghost" size="sm" onClick={() => setDialog("group")} aria-label="New group" title="New group">
            <UsersIcon width={16} height={16} />
          </Button>
        </div>
      </div>
      <div className="px-4 pb-2">
        <input
          type="search"
          aria-label="Search messages"
          placeholder="Search messages"
          maxLength={MAX_SEARCH_QUERY_BYTES}
          value={search}
          // The search route takes 200 UTF-8 bytes, not characters: 66 CJK characters already fill it.
          onChange={(e) => setSearch(fitUtf8(e.target.value, MAX_SEARCH_QUERY_BYTES))}
          onKeyDown={(e) => {
            if (e.key === "Escape") setSearch("");
          }}
          className="w-full rounded-lg border border-slate-300 bg-white px-3 py-1.5 text-sm dark:border-slate-700 dark:bg-slate-900"
        />
      </div>
      <div className="min-h-0 flex-1 overflow-y-auto pb-4">
        {searching ? <MessageSearchResults query={search.trim()} onChoose={() => setSearch("")} /> : <RoomList />}
      </div>
      {directOpened ? <NewDirectDialog open={dialog === "direct"} onClose={() => setDialog(null)} /> : null}
      {groupOpened ? <NewGroupDialog open={dialog === "group"} onClose={() => setDialog(null)} /> : null}
    </div>
  );
}
