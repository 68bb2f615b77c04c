"use client";
import { useState } from "react";
import { BlockButton, MembersDialog } from "@/components/chat/lazy-dialogs";
import { JobHeaderLine } from "@/components/chat/job-summary";
import { BackToConversations } from "@/components/chat/back-link";
import { MuteButton } from "@/components/chat/mute-button";
import { ReportPersonButton } from "@/components/chat/report-person-button";
import { JobTag, RoomAvatar } from "@/components/chat/room-avatar";
import { Avatar } from "@/components/ui/avatar";
import { useChatState } from "@/hooks/use-chat-store";
import { useOpenedOnce } from "@/hooks/use-opened-once";
import type { RoomMember } from "@/lib/chat/rooms";
import type { WireRoom } from "@/lib/wire/rest";

const NO_ONE: number[] = [];

export function RoomHeader({ room, members }: { room: WireRoom; members: RoomMember[] }) {
  const meUser = useChatState((s) => s.me);
  const me = meUser.id;
  const online = useChatState((s) => s.online[room.id]) ?? NO_ONE;
  const [showMembers, setShowMembers] = useState(false);
  const membersOpened = useOpenedOnce(showMembers);
  const others = members.filter((m) => m.id !== me);
  const onlineOthers = others.filter((m) => online.includes(m.id));
  const direct = room.kind === "DIRECT" && others.length === 1;
  const status = direct
    ? onlineOthers.length
      ? "Online"
      : "Offline"
    : `${members.length} members${onlineOthers.length ? `, ${onlineOthers.length + 1} online` : ""}`;

  return (
    <header className="relative z-10 flex items-center gap-3 border-b border-slate-200 bg-white/90 px-3 py-2.5 backdrop-blur md:px-5 dark:border-slate-800 dark:bg-slate-900/90">
      <BackToConversations />
      <RoomAvatar room={room} online={direct ? onlineOthers.length > 0 : undefined} />
      <div className="flex min-w-0 flex-col">
        <div className="flex items-center gap-2">
          <h1 id="room-title" className="truncate text-base font-semibold">
            {room.name}
          </h1>
          {room.job_id !== null && !room.job ? <JobTag jobId={room.job_id} /> : null}
        </div>
        <p className="truncate text-xs text-slate-600 dark:text-slate-400">{status}</p>
        {room.job ? <JobHeaderLine job={room.job} /> : null}
      </div>
      <div className="ml-auto">
        <MuteButton roomId={room.id} />
      </div>
      <ReportPersonButton roomId={room.id} members={members} />
      {room.kind !== "GROUP" && others.length === 1 ? <BlockButton person={others[0]} /> : null}
      <button
        type="button"
        onClick={() => setShowMembers(true)}
        className="flex items-center rounded-full p-1 hover:bg-slate-100 dark:hover:bg-slate-800"
        aria-haspopup="dialog"
      >
        <span className="sr-only">Members ({members.length})</span>
        <span className="flex -space-x-2" aria-hidden="true">
          {others.slice(0, 3).map((m) => (
            <Avatar key={m.id} name={m.name} seed={m.id} size="sm" online={online.includes(m.id)} />
          ))}
        </span>
        {others.length > 3 ? (
          <span aria-hidden="true" className="pl-2 pr-1 text-xs text-slate-600 dark:text-slate-400">
            +{others.length - 3}
          </span>
        ) : null}
      </button>
      {membersOpened ? (
        <MembersDialog open={showMembers} onClose={() => setShowMembers(false)} room={room} members={members} online={online} me={meUser} />
      ) : null}
    </header>
  );
}
