"use client";
// The body of an open room: messages (server-rendered first page, then live), who is typing,
// and the composer.
import { useCallback, useState } from "react";
import { Composer } from "@/components/chat/composer";
import { IncomingAnnouncer } from "@/components/chat/incoming-announcer";
import { MessageList } from "@/components/chat/message-list";
import { TypingIndicator } from "@/components/chat/typing-indicator";
import { useChatState } from "@/hooks/use-chat-store";
import { useMarkRead } from "@/hooks/use-mark-read";
import { useRoomLost } from "@/hooks/use-room-lost";
import { useRoomTimeline } from "@/hooks/use-room-timeline";
import { useMessageEdits } from "@/hooks/use-message-edits";
import { useSendMessage } from "@/hooks/use-send-message";
import { EDIT_WINDOW_MS } from "@/lib/chat/limits";
import type { PendingMessage } from "@/lib/chat/client/pending";
import type { WireAttachment } from "@/lib/wire/rest";
import type { WireMessagePage, WireReadMark } from "@/lib/wire/rest";

const NONE: PendingMessage[] = [];

type RoomTimelineProps = {
  roomId: number;
  initialPage: WireMessagePage;
  initialReadMarks: WireReadMark[];
  unreadAtOpen: number;
  maxMessageLength: number;
};

export function RoomTimeline({ roomId, initialPage, initialReadMarks, unreadAtOpen, maxMessageLength }: RoomTimelineProps) {
  const timeline = useRoomTimeline(roomId, initialPage, unreadAtOpen);
  const pending = useChatState((s) => s.pending[roomId]) ?? NONE;
  const kind = useChatState((s) => s.rooms.find((r) => r.id === roomId)?.kind);
  const [sendCount, setSendCount] = useState(0);
  const sender = useSendMessage(roomId);
  useMarkRead(roomId);
  const lost = useRoomLost(roomId);
  const edits = useMessageEdits(roomId);
  const me = useChatState((s) => s.me.id);
  const [editing, setEditing] = useState<{ id: number; content: string } | null>(null);
  const [editError, setEditError] = useState<string | null>(null);

  const startEdit = useCallback(
    (messageId: number) => {
      const message = timeline.messages.find((m) => m.id === messageId);
      if (message) {
        setEditError(null);
        setEditing({ id: message.id, content: message.content });
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
      sender.send(content, attachments);
      setSendCount((n) => n + 1);
    },
    [sender],
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
      />
      <IncomingAnnouncer roomId={roomId} messages={timeline.messages} />
      <TypingIndicator roomId={roomId} />
      {/* No longer a member (RoomFrame says so above): nothing could be sent. */}
      {editError ? (
        <p role="alert" className="px-4 py-1 text-sm text-red-700 md:px-6 dark:text-red-400">
          {editError}
        </p>
      ) : null}
      {lost ? null : (
        <Composer
          roomId={roomId}
          maxLength={maxMessageLength}
          onSend={send}
          editing={editing}
          onEditLast={editLast}
          onSaveEdit={saveEdit}
          onCancelEdit={cancelEdit}
        />
      )}
    </>
  );
}
