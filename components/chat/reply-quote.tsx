"use client";
// The quote above a reply's text: who wrote the original and one line of it. A button that takes
// the reader to the original (loading the page around it when it is far back).
import type { WireReply } from "@/lib/wire/rest";

export function ReplyQuote({ quote, own, onJump }: { quote: WireReply; own: boolean; onJump?: (messageId: number) => void }) {
  const name = quote.sender.name || quote.sender.username;
  return (
    <button
      type="button"
      onClick={() => onJump?.(quote.id)}
      aria-label={`Go to message from ${name}`}
      title={quote.deleted ? undefined : quote.excerpt}
      className={`mb-1 block w-full max-w-full min-w-0 rounded-lg border-l-4 px-2 py-1 text-left text-xs ${
        own
          ? "border-indigo-200 bg-indigo-500/60 text-indigo-50 hover:bg-indigo-500"
          : "border-indigo-500 bg-white/70 text-slate-700 hover:bg-white dark:bg-slate-900/60 dark:text-slate-300 dark:hover:bg-slate-900"
      }`}
    >
      <span className="block font-semibold">{name}</span>
      <span className="block truncate">{quote.deleted ? <em>Deleted message</em> : quote.excerpt}</span>
    </button>
  );
}
