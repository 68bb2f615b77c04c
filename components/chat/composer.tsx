"use client";
// The message box: Enter sends, Shift+Enter is a new line; a counter appears near the limit.
// Editing a message happens here too: Up arrow in an empty box edits my last message, Enter
// saves, Escape cancels (the draft typed before comes back). "@" suggests the room's members.
// Files come in by the attach button, a drop onto the room or a paste; they upload at once and
// the message (its text a caption, or empty) is sent when all of them are stored.
import { type ClipboardEvent, type FormEvent, type KeyboardEvent, useEffect, useId, useLayoutEffect, useRef, useState } from "react";
import { MentionSuggestions } from "@/components/chat/lazy-dialogs";
import { AttachButton } from "@/components/chat/attach-button";
import { AttachmentTray } from "@/components/chat/lazy-attachments";
import { SendIcon } from "@/components/ui/icons";
import { useAttachments } from "@/hooks/use-attachments";
import { useFileDrop } from "@/hooks/use-file-drop";
import { useChatState } from "@/hooks/use-chat-store";
import { useMentionDraft } from "@/hooks/use-mention-draft";
import { useTypingSender } from "@/hooks/use-typing-sender";
import type { WireAttachment, WireMention } from "@/lib/wire/rest";
import type { ChatState } from "@/lib/chat/client/store";
import { loadDraft, saveDraft } from "@/lib/chat/client/drafts";

const COUNTER_SPAN = 500;
const MAX_HEIGHT_PX = 200;
const selectMyId = (s: ChatState) => s.me.id;

// The limit comes from the server page (lib/chat/schemas), so the server's zod schemas stay out
// of the browser's bundle.
type ComposerProps = {
  roomId: number;
  maxLength: number;
  onSend: (content: string, attachments: WireAttachment[]) => void;
  editing?: { id: number; content: string; mentions?: WireMention[] } | null;
  /** Starts editing my last message; false when there is none to edit. */
  onEditLast?: () => boolean;
  onSaveEdit?: (content: string) => Promise<boolean>;
  onCancelEdit?: () => void;
};

export function Composer({ roomId, maxLength, onSend, editing = null, onEditLast, onSaveEdit, onCancelEdit }: ComposerProps) {
  const [draft, setDraft] = useState("");
  const stashed = useRef<string | null>(null);
  const [hydrated, setHydrated] = useState(false);
  const myId = useChatState(selectMyId);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const { typing, stopped } = useTypingSender(roomId);
  const mention = useMentionDraft(roomId, textarea, setDraft);
  const inputId = useId();
  const counterId = useId();
  const files = useAttachments(roomId);
  const form = useRef<HTMLFormElement>(null);
  const dropping = useFileDrop(form, files.add, hydrated && !editing);
  const stored = files.staged.flatMap((s) => (s.attachment ? [s.attachment] : []));
  const filesReady = stored.length === files.staged.length;
  // Measured as sent (picked names become "<@id>" tokens): what the server's limit counts.
  const sent = mention.toContent(draft);
  const length = sent.trim().length;
  const over = sent.length > maxLength;
  const canSend = hydrated && !over && (editing ? length > 0 : filesReady && (length > 0 || stored.length > 0));

  // Text typed into the server-rendered box before hydration is only in the DOM: adopt it, or
  // the next render would write the empty draft back over it. Otherwise restore the room's saved
  // draft, only now, so the server's HTML and the hydrating render were the same empty box.
  // biome-ignore lint/correctness/useExhaustiveDependencies: once per mount (the page remounts per room)
  useLayoutEffect(() => {
    const typed = textarea.current?.value || mention.fromSaved(loadDraft(myId, roomId));
    if (typed) setDraft(typed);
    setHydrated(true);
  }, []);

  // While a message is being edited the box holds its text, not the draft: the saved draft stays
  // what was typed before (it comes back on cancel). Saved as sent, so picked mentions survive.
  const editingId = editing?.id ?? null;
  useEffect(() => {
    if (hydrated && editingId === null) saveDraft(myId, roomId, sent);
  }, [hydrated, editingId, myId, roomId, sent]);

  // Grow with the text up to a limit (set through the CSSOM, so no inline style attribute).
  // biome-ignore lint/correctness/useExhaustiveDependencies: re-measure whenever the draft changes
  useLayoutEffect(() => {
    const el = textarea.current;
    if (!el) return;
    el.style.height = "auto";
    el.style.height = `${Math.min(el.scrollHeight, MAX_HEIGHT_PX)}px`;
  }, [draft]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when another message starts or stops being edited
  useEffect(() => {
    if (editing) {
      stashed.current ??= draft;
      setDraft(mention.fromContent(editing.content, editing.mentions));
      textarea.current?.focus();
    } else if (stashed.current !== null) {
      setDraft(stashed.current);
      stashed.current = null;
    }
  }, [editingId]);

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    if (!canSend) return;
    if (editing) {
      void onSaveEdit?.(mention.toContent(draft.trim()));
      return;
    }
    onSend(mention.toContent(draft.trim()), stored);
    mention.forget();
    files.clear();
    setDraft("");
    stopped();
    textarea.current?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (mention.onKeyDown(event)) return;
    if (event.key === "Escape" && editing) {
      event.preventDefault();
      onCancelEdit?.();
      return;
    }
    if (event.key === "ArrowUp" && !editing && draft === "" && onEditLast?.()) {
      event.preventDefault();
      return;
    }
    if (event.key === "Enter" && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      submit();
    }
  };

  const onPaste = (event: ClipboardEvent<HTMLTextAreaElement>) => {
    const pasted = [...event.clipboardData.files];
    if (!pasted.length || editing) return;
    event.preventDefault();
    files.add(pasted);
  };

  return (
    <form ref={form} onSubmit={submit} className="border-t border-slate-200 bg-white px-3 pt-2 pb-3 md:px-6 dark:border-slate-800 dark:bg-slate-900">
      {editing ? (
        <div className="flex items-center justify-between px-1 pb-1 text-xs text-slate-700 dark:text-slate-300">
          <span>Editing message · Escape to cancel</span>
          <button type="button" onClick={onCancelEdit} className="rounded-md px-2 py-0.5 font-semibold hover:bg-slate-100 dark:hover:bg-slate-800">
            Cancel
          </button>
        </div>
      ) : null}
      {mention.suggestions ? <MentionSuggestions {...mention.suggestions} /> : null}
      {files.staged.length || files.rejected.length ? <AttachmentTray attachments={files} /> : null}
      <div
        data-dropping={dropping || undefined}
        className="flex items-end gap-2 rounded-2xl border border-slate-300 bg-white py-1.5 pr-1.5 pl-1.5 data-dropping:border-indigo-500 data-dropping:ring-2 data-dropping:ring-indigo-500/40 focus-within:border-indigo-500 focus-within:ring-2 focus-within:ring-indigo-500/25 dark:border-slate-700 dark:bg-slate-950"
      >
        {editing ? <span className="w-2.5" /> : <AttachButton onFiles={files.add} disabled={!hydrated} />}
        <label htmlFor={inputId} className="sr-only">
          Message
        </label>
        <textarea
          id={inputId}
          ref={textarea}
          rows={1}
          value={draft}
          placeholder="Write a message…"
          aria-describedby={sent.length >= maxLength - COUNTER_SPAN ? counterId : undefined}
          aria-invalid={over || undefined}
          {...mention.inputProps}
          onChange={(event) => {
            setDraft(event.target.value);
            mention.track(event.target);
            if (event.target.value.trim() && !editing) typing();
          }}
          onKeyDown={onKeyDown}
          onPaste={onPaste}
          onBlur={stopped}
          className="max-h-[200px] min-h-9 flex-1 resize-none bg-transparent py-1.5 text-[15px] leading-6 text-slate-900 placeholder:text-slate-500 focus:outline-none dark:text-slate-100 dark:placeholder:text-slate-400"
        />
        <button
          type="submit"
          disabled={!canSend}
          aria-label={editing ? "Save edit" : "Send"}
          title={editing ? "Save (Enter)" : "Send (Enter)"}
          className="inline-flex size-9 shrink-0 items-center justify-center rounded-xl bg-indigo-600 text-white transition-colors hover:bg-indigo-700 disabled:bg-slate-200 disabled:text-slate-500 dark:disabled:bg-slate-800 dark:disabled:text-slate-400"
        >
          <SendIcon width={18} height={18} />
        </button>
      </div>
      <div className="flex min-h-5 justify-between px-1 pt-1 text-[11px] text-slate-600 dark:text-slate-400">
        <span className="hidden sm:inline">
          {dropping ? "Drop files to attach them" : filesReady ? "Enter to send · Shift+Enter for a new line" : "Uploading… Send waits for the files"}
        </span>
        {sent.length >= maxLength - COUNTER_SPAN ? (
          <span id={counterId} aria-live="polite" className={over ? "font-semibold text-red-700 dark:text-red-400" : ""}>
            {over
              ? `${(sent.length - maxLength).toLocaleString("en")} characters over the limit`
              : `${(maxLength - sent.length).toLocaleString("en")} characters left`}
          </span>
        ) : null}
      </div>
    </form>
  );
}
