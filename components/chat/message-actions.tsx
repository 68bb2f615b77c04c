"use client";
// A message's actions button; its menu (components/chat/message-actions-menu.tsx) loads the
// first time one is opened, or when a pointer reaches a button, so it is not in the first load.
import { useCallback, useRef, useState } from "react";
import { MessageActionsMenu, ReportDialog } from "@/components/chat/lazy-dialogs";
import { useOpenedOnce } from "@/hooks/use-opened-once";
import { EDIT_WINDOW_MS } from "@/lib/chat/limits";

type MessageActionsProps = {
  own: boolean;
  sentAt: string;
  onReply: () => void;
  onEdit: () => void;
  onDelete: () => void;
  align: "start" | "end";
  /** Someone else's message: the menu offers "Report". */
  report?: { messageId: number; senderName: string };
};

const warmMenu = () => void import("@/components/chat/message-actions-menu");

export function MessageActions({ own, sentAt, onReply, onEdit, onDelete, align, report }: MessageActionsProps) {
  const [open, setOpen] = useState(false);
  const [editable, setEditable] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const close = useCallback(() => setOpen(false), []);
  const [reporting, setReporting] = useState(false);
  const reportOpened = useOpenedOnce(reporting);

  const toggle = () => {
    // Decided when the menu opens: the window closes while the message sits on screen.
    setEditable(own && Date.now() - Date.parse(sentAt) < EDIT_WINDOW_MS);
    setOpen((o) => !o);
  };

  return (
    <div ref={root} className="relative self-center">
      <button
        ref={button}
        type="button"
        aria-label="Message actions"
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={toggle}
        onPointerEnter={warmMenu}
        className="rounded-md px-1.5 text-lg leading-none text-slate-500 opacity-60 hover:bg-slate-100 hover:opacity-100 focus:opacity-100 dark:text-slate-400 dark:hover:bg-slate-800"
      >
        ⋯
      </button>
      {open ? (
        <MessageActionsMenu
          own={own}
          editable={editable}
          align={align}
          root={root}
          button={button}
          onClose={close}
          onReply={onReply}
          onEdit={onEdit}
          onDelete={onDelete}
          onReport={report ? () => setReporting(true) : undefined}
        />
      ) : null}
      {report && reportOpened ? (
        <ReportDialog
          open={reporting}
          onClose={() => setReporting(false)}
          target={{ kind: "message", messageId: report.messageId, name: report.senderName }}
        />
      ) : null}
    </div>
  );
}
