"use client";
// A room's members: who is online, who owns a group, and (in a group) Remove for its owner or an
// admin, Leave group for everyone. Answers and live members.updated events both land in the store.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { removeMemberAction } from "@/app/(chat)/actions";
import { Avatar } from "@/components/ui/avatar";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FormError } from "@/components/ui/form-error";
import { useChatStore } from "@/hooks/use-chat-store";
import type { Me } from "@/lib/chat/client/store";
import type { RoomMember } from "@/lib/chat/rooms";
import type { WireRoom } from "@/lib/wire/rest";

type MembersDialogProps = { open: boolean; onClose: () => void; room: WireRoom; members: RoomMember[]; online: number[]; me: Me };

const muted = "text-slate-600 dark:text-slate-400";

export function MembersDialog({ open, onClose, room, members, online, me }: MembersDialogProps) {
  const store = useChatStore();
  const router = useRouter();
  const [busy, setBusy] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const group = room.kind === "GROUP";
  const canRemove = group && (room.owner_id === me.id || me.isAdmin === true);

  async function remove(member: RoomMember) {
    setBusy(member.id);
    setError(null);
    const result = await removeMemberAction({ room_id: room.id, user_id: member.id }).catch(() => null);
    setBusy(null);
    if (!result?.ok) {
      setError(result ? result.error.message : "Could not reach the server. Try again.");
      return;
    }
    if (member.id === me.id) {
      store.upsertRooms([{ ...room, removed: true }]);
      onClose();
      router.push("/");
      return;
    }
    store.applyMembers(result.data);
  }

  return (
    <Dialog open={open} onClose={onClose} title="Members">
      <ul className="flex flex-col gap-1">
        {members.map((member) => {
          const isOnline = member.id === me.id || online.includes(member.id);
          return (
            <li key={member.id} className="flex items-center gap-3 rounded-lg px-2 py-1.5">
              <Avatar name={member.name} seed={member.id} size="sm" online={isOnline} />
              <span className="flex min-w-0 flex-col">
                <span className="truncate text-sm font-medium">
                  {member.name}
                  {member.id === me.id ? <span className={`font-normal ${muted}`}> (you)</span> : null}
                  {group && member.id === room.owner_id ? (
                    <span className="ml-2 rounded bg-indigo-50 px-1.5 py-0.5 text-xs font-medium text-indigo-800 dark:bg-indigo-950 dark:text-indigo-200">
                      Owner
                    </span>
                  ) : null}
                </span>
                <span className={`truncate text-xs ${muted}`}>@{member.username}</span>
              </span>
              <span className={`ml-auto text-xs ${isOnline ? "text-emerald-700 dark:text-emerald-400" : muted}`}>
                {isOnline ? "Online" : "Offline"}
              </span>
              {canRemove && member.id !== me.id ? (
                <Button variant="danger" size="sm" disabled={busy !== null} onClick={() => void remove(member)} aria-label={`Remove ${member.name}`}>
                  Remove
                </Button>
              ) : null}
            </li>
          );
        })}
      </ul>
      <FormError message={error} />
      {group ? (
        <div className="mt-3 flex justify-end border-t border-slate-200 pt-3 dark:border-slate-800">
          <Button
            variant="danger"
            size="sm"
            disabled={busy !== null}
            onClick={() => {
              const self = members.find((m) => m.id === me.id);
              if (self) void remove(self);
            }}
          >
            Leave group
          </Button>
        </div>
      ) : null}
    </Dialog>
  );
}
