"use client";
import { useChatState } from "@/hooks/use-chat-store";
import type { TypingUser } from "@/lib/chat/client/store";
import { typingSentence } from "@/lib/chat/client/typing";

const NOBODY: TypingUser[] = [];

export function TypingIndicator({ roomId }: { roomId: number }) {
  const users = useChatState((s) => s.typing[roomId]) ?? NOBODY;
  const sentence = typingSentence(users);
  return (
    <div aria-live="polite" className="flex h-6 items-center gap-2 px-4 text-xs text-slate-600 md:px-6 dark:text-slate-400">
      {sentence ? (
        <>
          <span aria-hidden="true" className="flex gap-0.5">
            <span className="size-1.5 animate-bounce rounded-full bg-slate-400 motion-reduce:animate-none" />
            <span className="size-1.5 animate-bounce rounded-full bg-slate-400 [animation-delay:120ms] motion-reduce:animate-none" />
            <span className="size-1.5 animate-bounce rounded-full bg-slate-400 [animation-delay:240ms] motion-reduce:animate-none" />
          </span>
          <span>{sentence}</span>
        </>
      ) : null}
    </div>
  );
}
