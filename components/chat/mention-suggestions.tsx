"use client";
// The members matching "@query" as a listbox above the composer (loaded on the first "@"). The
// textarea keeps focus: arrows move the active option (aria-activedescendant), Enter or Tab picks
// it, Escape closes; a tap or click picks too.
import { useEffect, useLayoutEffect, useMemo, useState } from "react";
import { Avatar } from "@/components/ui/avatar";
import { useChatState } from "@/hooks/use-chat-store";
import type { MentionSuggestionsProps } from "@/hooks/use-mention-draft";
import { suggestMembers } from "@/lib/chat/client/mention-suggest";
import type { RoomMember } from "@/lib/chat/rooms";

const NONE: RoomMember[] = [];

export function MentionSuggestions({ listId, roomId, query, keys, onPick, onActive, onClose }: MentionSuggestionsProps) {
  const members = useChatState((s) => s.members[roomId]) ?? NONE;
  const myId = useChatState((s) => s.me.id);
  const options = useMemo(() => suggestMembers(members, query, myId), [members, query, myId]);
  const [active, setActive] = useState(0);
  const current = options[Math.min(active, options.length - 1)];
  const optionId = (id: number) => `${listId}-option-${id}`;

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new query starts at the best match
  useEffect(() => setActive(0), [query]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: optionId is derived from listId
  useEffect(() => onActive(current ? optionId(current.id) : null), [current, listId, onActive]);
  useEffect(() => () => onActive(null), [onActive]);

  useLayoutEffect(() => {
    keys.current = (event) => {
      if (event.key === "Escape") {
        event.preventDefault();
        onClose();
        return true;
      }
      if (options.length === 0) return false;
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        event.preventDefault();
        const step = event.key === "ArrowDown" ? 1 : -1;
        setActive((i) => (Math.min(i, options.length - 1) + step + options.length) % options.length);
        return true;
      }
      if ((event.key === "Enter" || event.key === "Tab") && !event.shiftKey && !event.nativeEvent.isComposing && current) {
        event.preventDefault();
        onPick(current);
        return true;
      }
      return false;
    };
    return () => {
      keys.current = null;
    };
  });

  if (options.length === 0) return null;
  return (
    <div className="relative">
      <div
        id={listId}
        role="listbox"
        aria-label="Mention someone"
        className="absolute bottom-1 left-0 z-20 max-h-64 w-72 max-w-full overflow-y-auto rounded-xl border border-slate-200 bg-white p-1 shadow-lg dark:border-slate-700 dark:bg-slate-900"
      >
        {options.map((member) => (
          // biome-ignore lint/a11y/useKeyWithClickEvents: the textarea keeps focus and handles the keys (aria-activedescendant)
          <div
            key={member.id}
            id={optionId(member.id)}
            role="option"
            tabIndex={-1}
            aria-selected={member === current}
            // Keep focus (and the caret) in the textarea on click and tap.
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => onPick(member)}
            className={`flex min-h-11 cursor-pointer items-center gap-2 rounded-lg px-2 py-1.5 text-sm ${
              member === current ? "bg-indigo-50 text-indigo-900 dark:bg-indigo-500/20 dark:text-indigo-100" : "text-slate-900 dark:text-slate-100"
            }`}
          >
            <Avatar name={member.name} seed={member.id} size="sm" />
            <span className="min-w-0 truncate font-medium">{member.name}</span>
            <span className="ml-auto shrink-0 truncate text-xs text-slate-600 dark:text-slate-400">@{member.username}</span>
          </div>
        ))}
      </div>
    </div>
  );
}
