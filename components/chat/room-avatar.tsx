import { Avatar } from "@/components/ui/avatar";
import { BriefcaseIcon, UsersIcon } from "@/components/ui/icons";
import type { WireRoom } from "@/lib/wire/rest";

/** A person's initials for a direct room; a symbol for job and group rooms. */
export function RoomAvatar({ room, online }: { room: Pick<WireRoom, "id" | "name" | "kind">; online?: boolean }) {
  if (room.kind === "DIRECT") return <Avatar name={room.name} seed={room.id} online={online} />;
  const Icon = room.kind === "JOB" ? BriefcaseIcon : UsersIcon;
  const tone =
    room.kind === "JOB"
      ? "bg-amber-100 text-amber-800 dark:bg-amber-500/20 dark:text-amber-200"
      : "bg-slate-200 text-slate-700 dark:bg-slate-700 dark:text-slate-200";
  return (
    <span aria-hidden="true" className={`inline-flex size-10 shrink-0 items-center justify-center rounded-full ${tone}`}>
      <Icon width={18} height={18} />
    </span>
  );
}

export function JobTag({ jobId }: { jobId: number }) {
  return (
    <span className="inline-flex shrink-0 items-center rounded-md bg-amber-100 px-1.5 py-0.5 text-[11px] whitespace-nowrap font-medium text-amber-900 dark:bg-amber-500/15 dark:text-amber-200">
      Job #{jobId}
    </span>
  );
}
