"use client";
// Mute a room for 1 hour, 8 hours or until unmuted, or unmute it. The room still counts unread;
// it only stops notifying (in this tab, by Web Push and by email).
import { type RefObject, useEffect, useRef, useState } from "react";
import { muteRoomAction } from "@/app/(chat)/actions";
import { useChatStore } from "@/hooks/use-chat-store";
import type { MuteDuration } from "@/lib/chat/schemas";

const item =
  "block w-full px-3 py-1.5 text-left text-sm text-slate-800 hover:bg-slate-100 focus:bg-slate-100 focus:outline-none disabled:text-slate-400 dark:text-slate-100 dark:hover:bg-slate-800 dark:focus:bg-slate-800";

const CHOICES: Array<[Exclude<MuteDuration, "off">, string]> = [
  ["1h", "For 1 hour"],
  ["8h", "For 8 hours"],
  ["until_unmuted", "Until I unmute"],
];

type MuteMenuProps = { open: boolean; roomId: number; muted: boolean; root: RefObject<HTMLDivElement | null>; onClose: () => void };

export function MuteMenu({ open, roomId, muted, root, onClose }: MuteMenuProps) {
  const store = useChatStore();
  const menu = useRef<HTMLDivElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!open) return;
    menu.current?.querySelector<HTMLButtonElement>("[role=menuitem]")?.focus({ preventScroll: true });
    const outside = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) onClose();
    };
    const onEscape = (event: KeyboardEvent) => {
      if (event.key === "Escape") onClose();
    };
    document.addEventListener("pointerdown", outside);
    document.addEventListener("keydown", onEscape);
    return () => {
      document.removeEventListener("pointerdown", outside);
      document.removeEventListener("keydown", onEscape);
    };
  }, [open, root, onClose]);

  async function choose(duration: MuteDuration) {
    setBusy(true);
    setError(null);
    const result = await muteRoomAction({ room_id: roomId, duration }).catch(() => null);
    setBusy(false);
    if (!result?.ok) {
      setError(result?.error.message ?? "Could not change the mute. Try again.");
      return;
    }
    store.upsertRooms([result.data]);
    onClose();
  }

  if (!open) return null;
  return (
    <div
      ref={menu}
      role="menu"
      aria-label="Mute notifications"
      className="absolute right-0 z-20 mt-1 w-48 rounded-lg border border-slate-200 bg-white py-1 shadow-lg dark:border-slate-700 dark:bg-slate-900"
    >
      {CHOICES.map(([duration, label]) => (
        <button key={duration} type="button" role="menuitem" disabled={busy} className={item} onClick={() => void choose(duration)}>
          {label}
        </button>
      ))}
      {muted ? (
        <button type="button" role="menuitem" disabled={busy} className={item} onClick={() => void choose("off")}>
          Unmute
        </button>
      ) : null}
      {error ? (
        <p role="alert" className="px-3 py-1 text-xs text-red-700 dark:text-red-400">
          {error}
        </p>
      ) : null}
    </div>
  );
}
