"use client";
// Settings: the people I blocked, each with Unblock. Unblocking lets them find me and start a
// chat again; what they sent into our direct room while blocked stays hidden from me.
import { useState } from "react";
import { unblockUserAction } from "@/app/(chat)/block-actions";
import { FormError } from "@/components/ui/form-error";
import { setBlocked } from "@/lib/chat/client/blocks";
import type { WireBlockedPerson } from "@/lib/wire/rest";

export function BlockedPeople({ initial }: { initial: WireBlockedPerson[] }) {
  const [people, setPeople] = useState(initial);
  const [busy, setBusy] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const unblock = async (id: number) => {
    setBusy(id);
    setError(null);
    const result = await unblockUserAction({ user_id: id });
    setBusy(null);
    if (!result.ok) return setError(result.error.message);
    setBlocked(id, false);
    setPeople((list) => list.filter((p) => p.id !== id));
  };
  return (
    <section aria-labelledby="blocked-people" className="mx-auto w-full max-w-xl px-4 pb-8 md:px-6">
      <h2 id="blocked-people" className="text-sm font-semibold">
        Blocked people
      </h2>
      <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
        They cannot start a chat with you or add you to a group, and are not told. In rooms you share, their messages are collapsed.
      </p>
      <FormError message={error} />
      {people.length === 0 ? (
        <p className="mt-3 text-sm text-slate-600 dark:text-slate-400">You have not blocked anyone.</p>
      ) : (
        <ul className="mt-3 divide-y divide-slate-200 rounded-lg border border-slate-200 dark:divide-slate-800 dark:border-slate-800">
          {people.map((p) => (
            <li key={p.id} className="flex items-center justify-between gap-3 px-3 py-2">
              <span className="min-w-0 truncate text-sm">
                {p.name} <span className="text-slate-500 dark:text-slate-400">@{p.username}</span>
              </span>
              <button
                type="button"
                disabled={busy === p.id}
                onClick={() => unblock(p.id)}
                className="rounded-lg px-2 py-1 text-sm font-semibold text-indigo-700 hover:bg-indigo-50 disabled:opacity-60 dark:text-indigo-300 dark:hover:bg-indigo-500/15"
              >
                Unblock<span className="sr-only"> {p.name}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
