"use client";
// A message from someone I blocked, in a room we still share (a job or a group): collapsed
// behind "Message from a blocked person" until I choose to show it.
import { type ReactNode, useState } from "react";
import { useIsBlocked } from "@/lib/chat/client/blocks";

export function BlockedGate({ senderId, own, children }: { senderId: number; own: boolean; children: ReactNode }) {
  const blocked = useIsBlocked(senderId);
  const [shown, setShown] = useState(false);
  if (own || !blocked || shown) return children;
  return (
    <p className="flex items-center gap-2 italic opacity-80">
      Message from a blocked person
      <button type="button" onClick={() => setShown(true)} className="rounded-md px-1.5 text-xs font-semibold not-italic underline">
        Show
      </button>
    </p>
  );
}
