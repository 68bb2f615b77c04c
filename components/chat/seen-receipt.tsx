"use client";
// Under my latest message, once someone has read it: "Seen" (a direct or job room, the time on
// hover or focus) or "Seen by N" (a group, the names in a popover), from the other members' read
// marks. Until then the message's own status says "Sent".
import { useId, useState } from "react";
import { useChatState } from "@/hooks/use-chat-store";
import { useTimeZone } from "@/hooks/use-clock";
import { fullDate } from "@/lib/chat/client/format-time";
import type { WireReadMark } from "@/lib/wire/rest";

type SeenReceiptProps = { roomId: number; messageId: number; group: boolean; initialReadMarks: WireReadMark[]; names: Map<number, string> };

export function SeenReceipt({ roomId, messageId, group, initialReadMarks, names }: SeenReceiptProps) {
  const on = useChatState((s) => s.me.readReceipts !== false);
  const marks = useChatState((s) => s.readMarks[roomId]) ?? initialReadMarks;
  const seen = marks.filter((m) => m.up_to_id >= messageId && names.has(m.user_id));
  if (!on || seen.length === 0) return null;
  return (
    <li className="flex justify-end px-4 pt-0.5 text-xs text-slate-500 md:px-6 dark:text-slate-400" data-testid="receipt">
      {group ? <SeenBy readers={seen.map((m) => names.get(m.user_id) ?? "")} /> : <SeenAt iso={seen[0].read_at} />}
    </li>
  );
}

function SeenAt({ iso }: { iso: string }) {
  const timeZone = useTimeZone();
  const tipId = useId();
  const when = fullDate(iso, timeZone);
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: focus shows the time, as hover does
    <span tabIndex={0} aria-describedby={tipId} className="group relative rounded outline-offset-2">
      Seen
      <span
        id={tipId}
        role="tooltip"
        className="pointer-events-none absolute right-0 bottom-full mb-1 hidden whitespace-nowrap rounded-md bg-slate-900 px-2 py-1 text-white shadow group-hover:block group-focus-visible:block dark:bg-slate-700"
      >
        <span className="sr-only">Seen </span>
        {when}
      </span>
    </span>
  );
}

function SeenBy({ readers }: { readers: string[] }) {
  const [open, setOpen] = useState(false);
  const listId = useId();
  return (
    <span className="relative">
      <button
        type="button"
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => setOpen((o) => !o)}
        onKeyDown={(event) => {
          if (event.key === "Escape") setOpen(false);
        }}
        className="rounded underline-offset-2 hover:underline"
      >
        Seen by {readers.length}
      </button>
      {open ? (
        <section
          id={listId}
          aria-label="Seen by"
          className="absolute right-0 bottom-full z-10 mb-1 min-w-40 rounded-lg border border-slate-200 bg-white p-2 text-left text-sm text-slate-800 shadow-lg dark:border-slate-700 dark:bg-slate-800 dark:text-slate-100"
        >
          <ul>
            {readers.map((name) => (
              <li key={name}>{name}</li>
            ))}
          </ul>
        </section>
      ) : null}
    </span>
  );
}
