"use client";
// The room header's "Report" control: report a person of this room (the other person of a direct room).
import { useState } from "react";
import { ReportDialog } from "@/components/chat/lazy-dialogs";
import { useChatState } from "@/hooks/use-chat-store";
import { useOpenedOnce } from "@/hooks/use-opened-once";
import type { RoomMember } from "@/lib/chat/rooms";

export function ReportPersonButton({ roomId, members }: { roomId: number; members: RoomMember[] }) {
  const me = useChatState((s) => s.me.id);
  const [open, setOpen] = useState(false);
  const opened = useOpenedOnce(open);
  const people = members.filter((m) => m.id !== me).map((m) => ({ id: m.id, name: m.name }));
  if (people.length === 0) return null;
  return (
    <>
      <button
        type="button"
        onClick={() => setOpen(true)}
        aria-haspopup="dialog"
        className="rounded-md px-2 py-1 text-xs font-medium text-slate-600 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800"
      >
        Report
      </button>
      {opened ? <ReportDialog open={open} onClose={() => setOpen(false)} target={{ kind: "person", roomId, people }} /> : null}
    </>
  );
}
