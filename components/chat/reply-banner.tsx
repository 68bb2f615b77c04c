"use client";
// Above the composer while writing a reply: what is being replied to, and Cancel (or Escape).
import type { WireReply } from "@/lib/wire/rest";

export function ReplyBanner({ quote, onCancel }: { quote: WireReply; onCancel: () => void }) {
  const name = quote.sender.name || quote.sender.username;
  return (
    <div className="flex items-center gap-2 border-t border-slate-200 bg-slate-50 px-4 py-1.5 text-xs text-slate-700 md:px-6 dark:border-slate-800 dark:bg-slate-900 dark:text-slate-300">
      <p className="min-w-0 flex-1 truncate">
        Replying to <span className="font-semibold">{name}</span>: {quote.deleted ? <em>Deleted message</em> : quote.excerpt}
      </p>
      <button type="button" onClick={onCancel} className="rounded-md px-2 py-0.5 font-semibold hover:bg-slate-200 dark:hover:bg-slate-800">
        Cancel
      </button>
    </div>
  );
}
