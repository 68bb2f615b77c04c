import { MessageSkeleton } from "@/components/chat/message-skeleton";
import { Skeleton } from "@/components/ui/skeleton";

export default function RoomLoading() {
  return (
    <>
      <MessageSkeleton />
      <div className="border-t border-slate-200 px-3 pt-2 pb-3 md:px-6 dark:border-slate-800">
        <Skeleton className="h-12 rounded-2xl" />
      </div>
    </>
  );
}
