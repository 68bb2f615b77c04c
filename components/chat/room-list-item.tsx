"use client";
import { NavLink } from "@/components/ui/nav-link";
import { memo } from "react";
import { JobStatusBadge, JobWhenWhere } from "@/components/chat/job-summary";
import { JobTag, RoomAvatar } from "@/components/chat/room-avatar";
import { Timestamp } from "@/components/chat/timestamp";
import { BellOffIcon } from "@/components/ui/icons";
import { UnreadBadge } from "@/components/ui/unread-badge";
import { MentionBadge } from "@/components/chat/mention-badge";
import { isMuted } from "@/lib/chat/client/mute";
import type { WireRoom } from "@/lib/wire/rest";

type RoomListItemProps = { room: WireRoom; active: boolean; unread: number; myId: number; mentions?: number };

function preview(room: WireRoom, myId: number): string {
  if (!room.last_message_time) return "No messages yet";
  const sender = room.last_message_sender;
  const who = !sender ? "" : sender.id === myId ? "You: " : `${sender.username}: `;
  return `${who}${room.last_message_content || "Message deleted"}`;
}

export const RoomListItem = memo(function RoomListItem({ room, active, unread, myId, mentions = 0 }: RoomListItemProps) {
  return (
    <li>
      <NavLink
        href={`/rooms/${room.id}`}
        aria-current={active ? "page" : undefined}
        className={`group flex items-center gap-3 rounded-xl px-3 py-2.5 transition-colors ${
          active ? "bg-indigo-50 dark:bg-indigo-500/15" : "hover:bg-slate-100 dark:hover:bg-slate-800/70"
        }`}
      >
        <RoomAvatar room={room} />
        <span className="flex min-w-0 flex-1 flex-col gap-0.5">
          <span className="flex items-baseline gap-2">
            <span
              className={`truncate text-sm ${unread > 0 ? "font-semibold text-slate-950 dark:text-white" : "font-medium text-slate-900 dark:text-slate-100"}`}
            >
              {room.name}
            </span>
            {isMuted(room) ? (
              <span className="shrink-0 text-slate-500 dark:text-slate-400" title="Muted">
                <BellOffIcon width={14} height={14} />
                <span className="sr-only">(muted)</span>
              </span>
            ) : null}
            {room.last_message_time ? (
              <Timestamp
                iso={room.last_message_time}
                variant="list"
                className={`ml-auto shrink-0 text-xs ${unread > 0 ? "font-semibold text-indigo-700 dark:text-indigo-300" : "text-slate-600 dark:text-slate-400"}`}
              />
            ) : null}
          </span>
          <span className="flex items-center gap-2">
            {room.job ? <JobStatusBadge status={room.job.status} /> : room.job_id !== null ? <JobTag jobId={room.job_id} /> : null}
            <span className={`truncate text-[13px] ${unread > 0 ? "text-slate-800 dark:text-slate-200" : "text-slate-600 dark:text-slate-400"}`}>
              {preview(room, myId)}
            </span>
            <span className="ml-auto flex items-center gap-1">
              <MentionBadge count={mentions} />
              <UnreadBadge count={unread} />
            </span>
          </span>
          {room.job ? <JobWhenWhere job={room.job} className="text-xs text-slate-600 dark:text-slate-400" /> : null}
        </span>
      </NavLink>
    </li>
  );
});
