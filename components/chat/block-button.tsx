"use client";
// The room header's Block / Unblock control for the other person of a direct or job room. The
// blocked person is never told; my tabs collapse their messages (blocked-gate.tsx).
import { useState } from "react";
import { blockUserAction, unblockUserAction } from "@/app/(chat)/block-actions";
import { setBlocked, useIsBlocked } from "@/lib/chat/client/blocks";

export function BlockButton({ person }: { person: { id: number; name: string } }) {
  const blocked = useIsBlocked(person.id);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const toggle = async () => {
    setBusy(true);
    setError(null);
    const result = blocked ? await unblockUserAction({ user_id: person.id }) : await blockUserAction({ user_id: person.id });
    setBusy(false);
    if (result.ok) setBlocked(person.id, !blocked);
    else setError(result.error.message);
  };
  return (
    <div className="flex items-center">
      <button
        type="button"
        onClick={toggle}
        disabled={busy}
        title={blocked ? `Unblock ${person.name}` : `Block ${person.name}: they can no longer start a chat with you`}
        className={`rounded-lg px-2 py-1.5 text-xs font-semibold disabled:opacity-60 ${
          blocked
            ? "text-slate-700 hover:bg-slate-100 dark:text-slate-200 dark:hover:bg-slate-800"
            : "text-red-700 hover:bg-red-50 dark:text-red-300 dark:hover:bg-red-950"
        }`}
      >
        {blocked ? "Unblock" : "Block"}
        <span className="sr-only"> {person.name}</span>
      </button>
      <span role="status" className="sr-only">
        {error ?? (blocked ? `${person.name} is blocked` : "")}
      </span>
    </div>
  );
}
