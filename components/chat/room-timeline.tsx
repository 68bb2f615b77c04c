"use client";
// The body of an open room: messages (server-rendered first page, then live), who is typing,
// and the composer.
import { useCallback, useEffect, useRef, useState } from "react";
import { Composer } from "@/components/chat/composer";
import { IncomingAnnouncer } from "@/components/chat/incoming-announcer";
import { MessageList } from "@/components/chat/message-list";
import { ReplyBanner } from "@/components/chat/lazy-dialogs";
import { ReadOnlyBanner } from "@/components/chat/read-only-banner";
import { TypingIndicator } from "@/components/chat/typing-indicator";
import { useChatState, useChatStore } from "@/hooks/use-chat-store";
import { useMarkRead } from "@/hooks/use-mark-read";
import { useRoomLost } from "@/hooks/use-room-lost";
import { useRoomTimeline } from "@/hooks/use-room-timeline";
import { useMessageEdits } from "@/hooks/use-message-edits";
import { useSendMessage } from "@/hooks/use-send-message";
import { EDIT_WINDOW_MS } from "@/lib/chat/limits";
import type { PendingMessage } from "@/lib/chat/client/pending";
import { showMessage } from "@/lib/chat/client/sync";
import type { WireAttachment, WireMention, WireMessagePage, WireReadMark, WireReply } from "@/lib/wire/rest";

const NONE: PendingMessage[] = [];

type RoomTimelineProps = {
  roomId: number;
  initialPage: WireMessagePage;
  initialReadMarks: WireReadMark[];
  unreadAtOpen: number;
  maxMessageLength: number;
  /** Opened at a message (a search result): the page around it, shown beside the newest page. */
  aroundPage?: WireMessagePage;
  focusMessageId?: number;
};

export function RoomTimeline({
  roomId,
  initialPage,
  initialReadMarks,
  unreadAtOpen,
  maxMessageLength,
  aroundPage,
  focusMessageId,
}: RoomTimelineProps) {
  const store = useChatStore();
  const timeline = useRoomTimeline(roomId, initialPage, unreadAtOpen, aroundPage);
  const pending = useChatState((s) => s.pending[roomId]) ?? NONE;
  const kind = useChatState((s) => s.rooms.find((r) => r.id === roomId)?.kind);
  const job = useChatState((s) => s.rooms.find((r) => r.id === roomId)?.job);
  const [sendCount, setSendCount] = useState(0);
  const sender = useSendMessage(roomId);
  useMarkRead(roomId);
  const lost = useRoomLost(roomId);
  const edits = useMessageEdits(roomId);
  const me = useChatState((s) => s.me.id);
  const [editing, setEditing] = useState<{ id: number; content: string; mentions?: WireMention[] } | null>(null);
  const [editError, setEditError] = useState<string | null>(null);
  const [replyingTo, setReplyingTo] = useState<WireReply | null>(null);
  const [focus, setFocus] = useState(focusMessageId ? { id: focusMessageId, at: 0 } : null);
  const members = useChatState((s) => s.members[roomId]);
  const composerArea = useRef<HTMLDivElement>(null);

  const jumpTo = useCallback(
    async (messageId: number) => {
      setEditError(null);
      if (await showMessage(store, roomId, messageId)) setFocus({ id: messageId, at: Date.now() });
      else setEditError("That message is no longer available.");
    },
    [store, roomId],
  );
  // A search result in this room chosen while it is open: the page re-renders with a new target.
  const openedAt = useRef(focusMessageId);
  useEffect(() => {
    if (focusMessageId === undefined || focusMessageId === openedAt.current) return;
    openedAt.current = focusMessageId;
    void jumpTo(focusMessageId);
  }, [focusMessageId, jumpTo]);

  const startReply = useCallback(
    async (messageId: number) => {
      const message = timeline.messages.find((m) => m.id === messageId);
      if (!message || message.deleted) return;
      const name = members?.find((m) => m.id === message.sender.id)?.name ?? message.sender.username;
      // Loaded on first use: most visits never reply.
      const { replyExcerpt } = await import("@/lib/chat/reply-excerpt");
      setEditing(null);
      setReplyingTo({ id: message.id, sender: { ...message.sender, name }, excerpt: replyExcerpt(message.content), deleted: false });
      composerArea.current?.querySelector("textarea")?.focus();
    },
    [timeline.messages, members],
  );
  const cancelReply = useCallback(() => setReplyingTo(null), []);
  // Escape cancels the reply while focus is in the composer (an edit's Escape comes first).
  useEffect(() => {
    if (!replyingTo) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape" && !event.defaultPrevented && composerArea.current?.contains(event.target as Node)) setReplyingTo(null);
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [replyingTo]);

  const startEdit = useCallback(
    (messageId: number) => {
      const message = timeline.messages.find((m) => m.id === messageId);
      if (message) {
        setEditError(null);
        setReplyingTo(null);
        setEditing({ id: message.id, content: message.content, mentions: message.mentions });
      }
    },
    [timeline.messages],
  );
  /** Up arrow in an empty composer: my latest message, while it can still be edited. */
  const editLast = useCallback(() => {
    const last = timeline.messages.findLast((m) => m.sender.id === me && !m.deleted);
    if (!last || Date.now() - Date.parse(last.timestamp) >= EDIT_WINDOW_MS) return false;
    startEdit(last.id);
    return true;
  }, [timeline.messages, me, startEdit]);
  const saveEdit = useCallback(
    async (content: string) => {
      if (!editing) return true;
      const error = await edits.edit(editing.id, content);
      setEditError(error);
      if (!error) setEditing(null);
      return error === null;
    },
    [editing, edits],
  );
  const cancelEdit = useCallback(() => {
    setEditing(null);
    setEditError(null);
  }, []);
  const remove = useCallback(
    (messageId: number) => {
      void edits.remove(messageId).then(setEditError);
    },
    [edits],
  );

  const send = useCallback(
    (content: string, attachments?: WireAttachment[]) => {
      sender.send(content, { replyTo: replyingTo, attachments });
      setReplyingTo(null);
      setSendCount((n) => n + 1);
    },
    [sender, replyingTo],
  );

  return (
    <>
      <MessageList
        roomId={roomId}
        timeline={timeline}
        pending={pending}
        showSenders={kind !== "DIRECT"}
        initialReadMarks={initialReadMarks}
        sendCount={sendCount}
        onRetry={sender.retry}
        onDiscard={sender.discard}
        onEdit={startEdit}
        onDelete={remove}
        onReply={startReply}
        onJump={jumpTo}
        focus={focus}
      />
      <IncomingAnnouncer roomId={roomId} messages={timeline.messages} />
      <TypingIndicator roomId={roomId} />
      {/* No longer a member (RoomFrame says so above): nothing could be sent. */}
      {editError ? (
        <p role="alert" className="px-4 py-1 text-sm text-red-700 md:px-6 dark:text-red-400">
          {editError}
        </p>
      ) : null}
      {lost ? null : job?.read_only ? (
        <ReadOnlyBanner job={job} />
      ) : (
        <div ref={composerArea}>
          {replyingTo && !editing ? <ReplyBanner quote={replyingTo} onCancel={cancelReply} /> : null}
          <Composer
            roomId={roomId}
            maxLength={maxMessageLength}
            onSend={send}
            editing={editing}
            onEditLast={editLast}
            onSaveEdit={saveEdit}
            onCancelEdit={cancelEdit}
          />
        </div>
      )}
    </>
  );
}
