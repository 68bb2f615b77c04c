"use client";
import type { Ref } from "react";
import { Spinner } from "@/components/ui/spinner";
import { useNow, useTimeZone } from "@/hooks/use-clock";
import { dayLabel, fullDate } from "@/lib/chat/client/format-time";

export function DaySeparator({ itemKey, timestamp }: { itemKey: string; timestamp: string }) {
  const now = useNow();
  const timeZone = useTimeZone();
  return (
    <li data-key={itemKey} className="pointer-events-none sticky top-1 z-10 flex justify-center py-3">
      <time
        dateTime={timestamp}
        title={fullDate(timestamp, timeZone)}
        className="rounded-full border border-slate-200 bg-white/95 px-3 py-1 text-xs font-medium text-slate-700 shadow-xs backdrop-blur dark:border-slate-700 dark:bg-slate-900/95 dark:text-slate-300"
      >
        {dayLabel(timestamp, now, timeZone)}
      </time>
    </li>
  );
}

export function UnreadDivider({ itemKey }: { itemKey: string }) {
  return (
    <li data-key={itemKey} className="my-2 flex items-center gap-3 px-4 md:px-6">
      <span className="h-px flex-1 bg-rose-300 dark:bg-rose-500/50" />
      <span className="text-xs font-semibold text-rose-700 dark:text-rose-300">New messages</span>
      <span className="h-px flex-1 bg-rose-300 dark:bg-rose-500/50" />
    </li>
  );
}

/** The top of the loaded history: a spinner, the load button, or the very beginning. */
export function HistoryEdge({ hasMore, loading, error, onLoad }: { hasMore: boolean; loading: boolean; error: string | null; onLoad: () => void }) {
  if (!hasMore) {
    return (
      <p className="flex flex-col items-center gap-1 px-4 pt-6 pb-2 text-center text-xs text-slate-600 dark:text-slate-400">
        <span className="font-medium">Beginning of conversation</span>
      </p>
    );
  }
  return (
    <div className="flex min-h-12 flex-col items-center justify-center gap-1 px-4 py-2 text-sm text-slate-600 dark:text-slate-400">
      <LoadButton loading={loading} error={error} onLoad={onLoad} label="older" />
      <span role="status" className="sr-only">
        {loading ? "Loading older messages" : ""}
      </span>
    </div>
  );
}

/** One button whether idle or loading, so keyboard focus is never dropped when a load starts. */
function LoadButton({ loading, error, onLoad, label }: { loading: boolean; error: string | null; onLoad: () => void; label: "older" | "newer" }) {
  return (
    <>
      {error && !loading ? <span className="text-red-700 dark:text-red-400">{error}</span> : null}
      <button
        type="button"
        onClick={loading ? undefined : onLoad}
        aria-disabled={loading || undefined}
        className="inline-flex items-center gap-2 rounded-lg px-3 py-1.5 font-medium text-indigo-700 hover:bg-indigo-50 aria-disabled:cursor-default aria-disabled:text-slate-600 aria-disabled:hover:bg-transparent dark:text-indigo-300 dark:hover:bg-indigo-500/15 dark:aria-disabled:text-slate-400"
      >
        {loading ? <Spinner /> : null}
        {loading ? `Loading ${label} messages…` : `Load ${label} messages`}
      </button>
    </>
  );
}

/** After a window far back (a jump to an old message): the messages between it and the newest. */
export function NewerEdge({ ref, loading, error, onLoad }: { ref: Ref<HTMLLIElement>; loading: boolean; error: string | null; onLoad: () => void }) {
  return (
    <li
      ref={ref}
      data-key="newer-edge"
      className="flex min-h-12 flex-col items-center justify-center gap-1 px-4 py-2 text-sm text-slate-600 dark:text-slate-400"
    >
      <LoadButton loading={loading} error={error} onLoad={onLoad} label="newer" />
    </li>
  );
}
