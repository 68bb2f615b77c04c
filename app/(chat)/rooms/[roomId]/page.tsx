// A room's messages: the newest page is rendered on the server, so opening a room paints its
// messages with no client fetch. `?message=<id>` (a search result) also renders the page around
// that message, shown and highlighted in place of the newest one.
import { notFound, redirect } from "next/navigation";
import { getRoom, getSessionUser } from "@/app/(chat)/cached-reads";
import { parseRoomId } from "@/app/(chat)/rooms/[roomId]/room-id";
import { RoomTimeline } from "@/components/chat/room-timeline";
import { getMessagePage, getMessagesAround } from "@/lib/chat/messages";
import { getReadMarks } from "@/lib/chat/receipts";
import { DEFAULT_PAGE_SIZE, MAX_MESSAGE_LENGTH } from "@/lib/chat/limits";
import { AppError } from "@/lib/errors";
import { idParam } from "@/lib/chat/schemas";

type PageProps = { params: Promise<{ roomId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function RoomPage({ params, searchParams }: PageProps) {
  const user = await getSessionUser();
  if (!user) redirect("/login");
  const roomId = parseRoomId((await params).roomId);
  if (roomId === null) notFound();
  const focusId = parseMessageParam((await searchParams).message);
  try {
    const [room, page, readMarks, aroundPage] = await Promise.all([
      getRoom(user.id, roomId),
      getMessagePage(user.id, { roomId, limit: DEFAULT_PAGE_SIZE }),
      getReadMarks(user.id, roomId),
      // A message that is not (or no longer) in the room opens the room as usual.
      focusId === undefined ? undefined : getMessagesAround(user.id, { roomId, around: focusId, limit: DEFAULT_PAGE_SIZE }).catch(notFoundAsNothing),
    ]);
    return (
      <RoomTimeline
        key={roomId}
        roomId={roomId}
        initialPage={page}
        initialReadMarks={readMarks}
        unreadAtOpen={room.unread_count}
        maxMessageLength={MAX_MESSAGE_LENGTH}
        aroundPage={aroundPage}
        focusMessageId={aroundPage ? focusId : undefined}
      />
    );
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
}

function parseMessageParam(raw: string | string[] | undefined): number | undefined {
  const parsed = idParam.safeParse(raw);
  return parsed.success ? parsed.data : undefined;
}

function notFoundAsNothing(error: unknown): undefined {
  if (error instanceof AppError && error.code === "not_found") return undefined;
  throw error;
}
