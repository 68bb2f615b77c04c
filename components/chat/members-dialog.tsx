"use client";
import { Avatar } from "@/components/ui/avatar";
import { Dialog } from "@/components/ui/dialog";
import type { RoomMember } from "@/lib/chat/rooms";

type MembersDialogProps = { open: boolean; onClose: () => void; members: RoomMember[]; online: number[]; me: number };

export function MembersDialog({ open, onClose, members, online, me }: MembersDialogProps) {
  return (
    <Dialog open={open} onClose={onClose} title="Members">
      <ul className="flex flex-col gap-1">
        {members.map((member) => {
          const isOnline = member.id === me || online.includes(member.id);
          return (
            <li key={member.id} className="flex items-center gap-3 rounded-lg px-2 py-1.5">
              <Avatar name={member.name} seed={member.id} size="sm" online={isOnline} />
              <span className="flex min-w-0 flex-col">
                <span className="truncate text-sm font-medium">
                  {member.name}
                  {member.id === me ? <span className="font-normal text-slate-600 dark:text-slate-400"> (you)</span> : null}
                </span>
                <span className="truncate text-xs text-slate-600 dark:text-slate-400">@{member.username}</span>
              </span>
              <span className={`ml-auto text-xs ${isOnline ? "text-emerald-700 dark:text-emerald-400" : "text-slate-600 dark:text-slate-400"}`}>
                {isOnline ? "Online" : "Offline"}
              </span>
            </li>
          );
        })}
      </ul>
    </Dialog>
  );
}
