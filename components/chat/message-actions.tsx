"use client";
// A message's actions button and its menu: Reply, Edit (my own, within the edit window),
// Delete (my own). Arrow keys move between items; Escape or a click outside closes it.
import { type KeyboardEvent, useEffect, useLayoutEffect, useRef, useState } from "react";
import { EDIT_WINDOW_MS } from "@/lib/chat/limits";

type MessageActionsProps = {
  own: boolean;
  sentAt: string;
  onReply: () => void;
  onEdit: () => void;
  onDelete: () => void;
  align: "start" | "end";
};

const item =
  "block w-full px-3 py-1.5 text-left text-sm text-slate-800 hover:bg-slate-100 focus:bg-slate-100 focus:outline-none disabled:text-slate-400 dark:text-slate-100 dark:hover:bg-slate-800 dark:focus:bg-slate-800 dark:disabled:text-slate-500";

export function MessageActions({ own, sentAt, onReply, onEdit, onDelete, align }: MessageActionsProps) {
  const [open, setOpen] = useState(false);
  const [editable, setEditable] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);

  // Fixed to the viewport beside the button, below it or above when there is no room below: inside
  // the scrolling message list it would be clipped or covered by the composer. Set through the
  // CSSOM (no inline style attribute, which the CSP refuses).
  useLayoutEffect(() => {
    const el = menu.current;
    const at = button.current?.getBoundingClientRect();
    if (!open || !el || !at) return;
    const below = window.innerHeight - at.bottom > el.offsetHeight + 8;
    el.style.top = below ? `${at.bottom + 4}px` : `${Math.max(4, at.top - el.offsetHeight - 4)}px`;
    el.style.left = align === "end" ? `${Math.max(4, at.right - el.offsetWidth)}px` : `${at.left}px`;
  }, [open, align]);

  useEffect(() => {
    if (!open) return;
    const close = () => setOpen(false);
    window.addEventListener("resize", close);
    window.addEventListener("scroll", close, true);
    return () => {
      window.removeEventListener("resize", close);
      window.removeEventListener("scroll", close, true);
    };
  }, [open]);

  useEffect(() => {
    if (!open) return;
    menu.current?.querySelector<HTMLButtonElement>("[role=menuitem]:not(:disabled)")?.focus({ preventScroll: true });
    const outside = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    // Escape closes it wherever focus is.
    const onEscape = (event: globalThis.KeyboardEvent) => {
      if (event.key !== "Escape") return;
      event.preventDefault();
      setOpen(false);
      button.current?.focus();
    };
    document.addEventListener("pointerdown", outside);
    document.addEventListener("keydown", onEscape);
    return () => {
      document.removeEventListener("pointerdown", outside);
      document.removeEventListener("keydown", onEscape);
    };
  }, [open]);

  const toggle = () => {
    // Decided when the menu opens: the window closes while the message sits on screen.
    setEditable(own && Date.now() - Date.parse(sentAt) < EDIT_WINDOW_MS);
    setOpen((o) => !o);
  };
  const choose = (action: () => void) => () => {
    setOpen(false);
    action();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
    event.preventDefault();
    const items = [...(menu.current?.querySelectorAll<HTMLButtonElement>("[role=menuitem]:not(:disabled)") ?? [])];
    const at = items.indexOf(document.activeElement as HTMLButtonElement);
    const next = (at + (event.key === "ArrowDown" ? 1 : items.length - 1)) % items.length;
    items[next]?.focus();
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
        className="rounded-md px-1.5 text-lg leading-none text-slate-500 opacity-60 hover:bg-slate-100 hover:opacity-100 focus:opacity-100 dark:text-slate-400 dark:hover:bg-slate-800"
      >
        ⋯
      </button>
      {open ? (
        <div
          ref={menu}
          role="menu"
          aria-label="Message actions"
          onKeyDown={onKeyDown}
          className="fixed z-30 w-36 overflow-hidden rounded-lg border border-slate-200 bg-white py-1 shadow-lg dark:border-slate-700 dark:bg-slate-900"
        >
          <button type="button" role="menuitem" className={item} onClick={choose(onReply)}>
            Reply
          </button>
          {editable ? (
            <button type="button" role="menuitem" className={item} onClick={choose(onEdit)}>
              Edit
            </button>
          ) : null}
          {own ? (
            <button type="button" role="menuitem" className={item} onClick={choose(onDelete)}>
              Delete
            </button>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
