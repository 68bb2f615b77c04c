"use client";
// The composer's mentions: notices "@" being typed before the caret, remembers which names were
// picked from the suggestions (lazily loaded: components/chat/mention-suggestions.tsx), and turns
// the draft into content with "<@id>" tokens on send, and a stored message back for editing.
import { type KeyboardEvent, type RefObject, useCallback, useId, useMemo, useRef, useState } from "react";
import { useChatStore } from "@/hooks/use-chat-store";
import { contentToDraft, draftToContent, mentionLabel, mentionQueryAt, mentionsIn, type PickedMentions } from "@/lib/chat/client/mention-draft";
import type { WireMention } from "@/lib/wire/rest";

/** Handles a key while the suggestions are open; true when it used it. */
export type SuggestionKeys = (event: KeyboardEvent<HTMLTextAreaElement>) => boolean;

export type MentionSuggestionsProps = {
  listId: string;
  roomId: number;
  query: string;
  keys: RefObject<SuggestionKeys | null>;
  onPick: (user: WireMention) => void;
  onActive: (optionId: string | null) => void;
  onClose: () => void;
};

const loadSuggestions = () => import("@/components/chat/mention-suggestions");

export function useMentionDraft(roomId: number, textarea: RefObject<HTMLTextAreaElement | null>, setDraft: (text: string) => void) {
  const store = useChatStore();
  const picked = useRef<PickedMentions>(new Map());
  const keys = useRef<SuggestionKeys | null>(null);
  const [open, setOpen] = useState<{ start: number; query: string } | null>(null);
  const [activeId, setActiveId] = useState<string | null>(null);
  const listId = useId();

  const track = useCallback((el: HTMLTextAreaElement) => {
    const found = el.selectionStart === el.selectionEnd ? mentionQueryAt(el.value, el.selectionStart) : null;
    // Fetch the suggestions' code as soon as an "@" is typed, before the list is needed.
    if (found) void loadSuggestions();
    setOpen((was) => (was?.start === found?.start && was?.query === found?.query ? was : found));
  }, []);

  const close = useCallback(() => setOpen(null), []);

  const pick = useCallback(
    (user: WireMention) => {
      const el = textarea.current;
      if (!el || !open) return;
      const label = mentionLabel(user);
      const before = el.value.slice(0, open.start);
      const after = el.value.slice(el.selectionStart).replace(/^[^\s@]*/u, "");
      picked.current.set(label, user.id);
      setDraft(`${before}${label} ${after.replace(/^ /, "")}`);
      setOpen(null);
      const caret = before.length + label.length + 1;
      requestAnimationFrame(() => {
        el.focus();
        el.setSelectionRange(caret, caret);
      });
    },
    [open, setDraft, textarea],
  );

  return useMemo(
    () => ({
      toContent: (draft: string) => draftToContent(draft, picked.current),
      fromContent: (content: string, mentions: readonly WireMention[] = []) => contentToDraft(content, mentions, picked.current),
      /** A saved draft (tokens for the names picked) back into the box, named from the room's members. */
      // On mount the live store may not hold the members yet (RoomFrame's effect runs after ours); the rendered state does.
      fromSaved: (saved: string) =>
        contentToDraft(saved, mentionsIn(saved, store.getState().members[roomId] ?? store.getRenderedState().members[roomId]), picked.current),
      forget: () => picked.current.clear(),
      track,
      onKeyDown: (event: KeyboardEvent<HTMLTextAreaElement>) => open !== null && keys.current?.(event) === true,
      inputProps: {
        "aria-autocomplete": "list" as const,
        "aria-controls": open ? listId : undefined,
        "aria-activedescendant": open ? (activeId ?? undefined) : undefined,
        onSelect: (event: { currentTarget: HTMLTextAreaElement }) => track(event.currentTarget),
      },
      suggestions: open
        ? ({ listId, roomId, query: open.query, keys, onPick: pick, onActive: setActiveId, onClose: close } satisfies MentionSuggestionsProps)
        : null,
    }),
    [track, open, listId, activeId, roomId, pick, close, store],
  );
}
