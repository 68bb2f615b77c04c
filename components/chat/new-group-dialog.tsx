"use client";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { createRoomAction } from "@/app/(chat)/actions";
import { PeoplePicker } from "@/components/chat/people-picker";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { TextField } from "@/components/ui/text-field";
import { useChatStore } from "@/hooks/use-chat-store";

export function NewGroupDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const store = useChatStore();
  const router = useRouter();
  const [name, setName] = useState("");
  const [members, setMembers] = useState<Map<number, string>>(new Map());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const toggle = (id: number, label: string) =>
    setMembers((current) => {
      const next = new Map(current);
      if (next.has(id)) next.delete(id);
      else next.set(id, label);
      return next;
    });

  const close = () => {
    setName("");
    setMembers(new Map());
    setError(null);
    onClose();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const result = await createRoomAction({ kind: "GROUP", name, member_ids: [...members.keys()] }).catch(() => null);
    setBusy(false);
    if (!result?.ok) {
      setError(result?.error.message ?? "Couldn't create the group.");
      return;
    }
    store.upsertRooms([result.data]);
    close();
    router.push(`/rooms/${result.data.id}`);
  };

  return (
    <Dialog open={open} onClose={close} title="New group" description="Name the group and pick who's in it.">
      <form onSubmit={submit} className="flex flex-col gap-4">
        <TextField label="Group name" value={name} onChange={(e) => setName(e.target.value)} required maxLength={100} />
        <PeoplePicker
          renderPerson={(user, avatar) => (
            <label className="flex w-full cursor-pointer items-center gap-3 px-3 py-2 hover:bg-slate-50 dark:hover:bg-slate-800">
              <input
                type="checkbox"
                checked={members.has(user.id)}
                onChange={() => toggle(user.id, user.name)}
                className="size-4 accent-indigo-600"
              />
              {avatar}
              <span className="flex min-w-0 flex-col">
                <span className="truncate text-sm font-medium">{user.name}</span>
                <span className="truncate text-xs text-slate-600 dark:text-slate-400">@{user.username}</span>
              </span>
            </label>
          )}
        />
        <p className="text-sm text-slate-600 dark:text-slate-400" aria-live="polite">
          {members.size === 0 ? "No one selected yet." : `With ${[...members.values()].join(", ")}.`}
        </p>
        {error ? (
          <p role="alert" className="text-sm text-red-700 dark:text-red-400">
            {error}
          </p>
        ) : null}
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={close}>
            Cancel
          </Button>
          <Button type="submit" disabled={busy || name.trim() === ""}>
            {busy ? "Creating…" : "Create group"}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
