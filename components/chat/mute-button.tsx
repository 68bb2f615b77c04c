"use client";
// The room header's mute control: a bell button that opens the mute menu (loaded on first
// opening). Muted rooms show a crossed-out bell here and in the room list.
import dynamic from "next/dynamic";
import { useRef, useState } from "react";
import { BellOffIcon } from "@/components/ui/icons";
import { useChatState } from "@/hooks/use-chat-store";
import { useOpenedOnce } from "@/hooks/use-opened-once";
import { isMuted } from "@/lib/chat/client/mute";

const MuteMenu = dynamic(() => import("@/components/chat/mute-menu").then((m) => m.MuteMenu), { ssr: false });

export function MuteButton({ roomId }: { roomId: number }) {
  const mutedUntil = useChatState((s) => s.rooms.find((r) => r.id === roomId)?.muted_until ?? null);
  const muted = isMuted({ muted_until: mutedUntil });
  const [open, setOpen] = useState(false);
  const opened = useOpenedOnce(open);
  const root = useRef<HTMLDivElement>(null);
  return (
    <div ref={root} className="relative">
      <button
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
        className={`flex size-9 items-center justify-center rounded-lg hover:bg-slate-100 dark:hover:bg-slate-800 ${
          muted ? "text-indigo-700 dark:text-indigo-300" : "text-slate-600 dark:text-slate-300"
        }`}
        title={muted ? "Muted" : "Mute notifications"}
      >
        <BellOffIcon width={18} height={18} />
        <span className="sr-only">{muted ? "Muted: change" : "Mute notifications"}</span>
      </button>
      {opened ? <MuteMenu open={open} roomId={roomId} muted={muted} root={root} onClose={() => setOpen(false)} /> : null}
    </div>
  );
}
