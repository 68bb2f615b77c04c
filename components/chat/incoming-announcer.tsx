"use client";
// Screen readers hear each message that arrives while the room is open (not the history).
import { useRef } from "react";
import { useChatState } from "@/hooks/use-chat-store";
import { mentionsAsText } from "@/lib/chat/mention-text";
import type { WireMessage } from "@/lib/wire/rest";

export function IncomingAnnouncer({ roomId, messages }: { roomId: number; messages: WireMessage[] }) {
  const me = useChatState((s) => s.me.id);
  const names = useChatState((s) => s.members[roomId]);
  const openedAt = useRef(messages.at(-1)?.id ?? 0);
  const latest = messages.findLast((m) => m.sender.id !== me && m.id > openedAt.current && !m.deleted);
  const name = latest ? (names?.find((n) => n.id === latest.sender.id)?.name ?? latest.sender.username) : null;
  return (
    <div aria-live="polite" className="sr-only">
      {latest ? `${name}: ${mentionsAsText(latest.content, latest.mentions ?? [])}` : ""}
    </div>
  );
}
