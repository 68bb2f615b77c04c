"use client";
// The menu of a message's actions, loaded the first time one is opened: Reply, Edit (my own,
// within the edit window), Delete (my own). Arrow keys move between items; Escape or a click
// outside closes it and Escape gives focus back to the button.
import { type KeyboardEvent, type RefObject, useEffect, useLayoutEffect, useRef } from "react";

export type MessageActionsMenuProps = {
  own: boolean;
  editable: boolean;
  align: "start" | "end";
  root: RefObject<HTMLDivElement | null>;
  button: RefObject<HTMLButtonElement | null>;
  onClose: () => void;
  onReply: () => void;
  onEdit: () => void;
  onDelete: () => void;
  /** Others' messages only. */
  onReport?: () => void;
};

const item =
  "block w-full px-3 py-1.5 text-left text-sm text-slate-800 hover:bg-slate-100 focus:bg-slate-100 focus:outline-none disabled:text-slate-400 dark:text-slate-100 dark:hover:bg-slate-800 dark:focus:bg-slate-800 dark:disabled:text-slate-500";

export function MessageActionsMenu({ own, editable, align, root, button, onClose, onReply, onEdit, onDelete, onReport }: MessageActionsMenuProps) {
  const menu = useRef<HTMLDivElement>(null);

  // Fixed to the viewport beside the button, below it or above when there is no room below: inside
  // the scrolling message list it would be clipped or covered by the composer. Set through the
  // CSSOM (no inline style attribute, which the CSP refuses).
  useLayoutEffect(() => {
    const el = menu.current;
    const at = button.current?.getBoundingClientRect();
    if (!el || !at) return;
    const below = window.innerHeight - at.bottom > el.offsetHeight + 8;
    el.style.top = below ? `${at.bottom + 4}px` : `${Math.max(4, at.top - el.offsetHeight - 4)}px`;
    el.style.left = align === "end" ? `${Math.max(4, at.right - el.offsetWidth)}px` : `${at.left}px`;
  }, [align, button]);

  useEffect(() => {
    window.addEventListener("resize", onClose);
    window.addEventListener("scroll", onClose, true);
    return () => {
      window.removeEventListener("resize", onClose);
      window.removeEventListener("scroll", onClose, true);
    };
  }, [onClose]);

  useEffect(() => {
    menu.current?.querySelector<HTMLButtonElement>("[role=menuitem]:not(:disabled)")?.focus({ preventScroll: true });
    const outside = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) onClose();
    };
    // Escape closes it wherever focus is.
    const onEscape = (event: globalThis.KeyboardEvent) => {
      if (event.key !== "Escape") return;
      event.preventDefault();
      onClose();
      button.current?.focus();
    };
    document.addEventListener("pointerdown", outside);
    document.addEventListener("keydown", onEscape);
    return () => {
      document.removeEventListener("pointerdown", outside);
      document.removeEventListener("keydown", onEscape);
    };
  }, [onClose, root, button]);

  const choose = (action: () => void) => () => {
    onClose();
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
      {onReport ? (
        <button type="button" role="menuitem" className={item} onClick={choose(onReport)}>
          Report
        </button>
      ) : null}
    </div>
  );
}
