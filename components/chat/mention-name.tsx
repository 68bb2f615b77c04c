"use client";
// A mention in a message: "@Name", marked more strongly (a <mark>) when it is me.
import { useChatState } from "@/hooks/use-chat-store";
import type { ChatState } from "@/lib/chat/client/store";
import type { WireMention } from "@/lib/wire/rest";

const selectMyId = (s: ChatState) => s.me.id;

export function MentionName({ user, tone }: { user: WireMention; tone: "own" | "other" }) {
  const me = useChatState(selectMyId) === user.id;
  if (me) {
    return (
      <mark title="Mentions you" className="rounded bg-amber-200 px-0.5 font-semibold text-amber-950 dark:bg-amber-400/30 dark:text-amber-100">
        @{user.name}
      </mark>
    );
  }
  return (
    <span title={`@${user.username}`} className={`font-semibold ${tone === "own" ? "text-white" : "text-indigo-700 dark:text-indigo-300"}`}>
      @{user.name}
    </span>
  );
}
