"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { createRoomAction } from "@/app/(chat)/actions";
import { PeoplePicker } from "@/components/chat/people-picker";
import { Dialog } from "@/components/ui/dialog";
import { useChatStore } from "@/hooks/use-chat-store";

export function NewDirectDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const store = useChatStore();
  const router = useRouter();
  const [busy, setBusy] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);

  const start = async (userId: number) => {
    setBusy(userId);
    setError(null);
    const result = await createRoomAction({ kind: "DIRECT", user_id: userId }).catch(() => null);
    setBusy(null);
    if (!result?.ok) {
      setError(result?.error.message ?? "Couldn't start the conversation.");
      return;
    }
    store.upsertRooms([result.data]);
    onClose();
    router.push(`/rooms/${result.data.id}`);
  };

  return (
    <Dialog open={open} onClose={onClose} title="New message" description="Start a conversation with one person.">
      <PeoplePicker
        renderPerson={(user, avatar) => (
          <button
            type="button"
            onClick={() => start(user.id)}
            disabled={busy !== null}
            className="flex w-full items-center gap-3 px-3 py-2 text-left hover:bg-slate-50 disabled:opacity-60 dark:hover:bg-slate-800"
          >
            {avatar}
            <span className="flex min-w-0 flex-col">
              <span className="truncate text-sm font-medium">{user.name}</span>
              <span className="truncate text-xs text-slate-600 dark:text-slate-400">@{user.username}</span>
            </span>
            {busy === user.id ? <span className="ml-auto text-xs text-slate-500">Opening…</span> : null}
          </button>
        )}
      />
      {error ? (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {error}
        </p>
      ) : null}
    </Dialog>
  );
}
