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
import { useSendMessage } from "@/hooks/use-send-message";
import type { PendingMessage } from "@/lib/chat/client/pending";
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

  const send = useCallback(
    (content: string) => {
      sender.send(content);
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
      />
      <IncomingAnnouncer roomId={roomId} messages={timeline.messages} />
      <TypingIndicator roomId={roomId} />
      {/* No longer a member (RoomFrame says so above): nothing could be sent. */}
      {lost ? null : <Composer roomId={roomId} maxLength={maxMessageLength} onSend={send} />}
    </>
  );
}
