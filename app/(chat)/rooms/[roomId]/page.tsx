// A room's messages: the newest page is rendered on the server, so opening a room paints its
// messages with no client fetch.
import { notFound, redirect } from "next/navigation";
import { getRoom, getSessionUser } from "@/app/(chat)/cached-reads";
import { parseRoomId } from "@/app/(chat)/rooms/[roomId]/room-id";
import { RoomTimeline } from "@/components/chat/room-timeline";
import { getMessagePage } from "@/lib/chat/messages";
import { getReadMarks } from "@/lib/chat/receipts";
import { DEFAULT_PAGE_SIZE, MAX_MESSAGE_LENGTH } from "@/lib/chat/limits";
import { AppError } from "@/lib/errors";

export default async function RoomPage({ params }: { params: Promise<{ roomId: string }> }) {
  const user = await getSessionUser();
  if (!user) redirect("/login");
  const roomId = parseRoomId((await params).roomId);
  if (roomId === null) notFound();
  try {
    const [room, page, readMarks] = await Promise.all([
      getRoom(user.id, roomId),
      getMessagePage(user.id, { roomId, limit: DEFAULT_PAGE_SIZE }),
      getReadMarks(user.id, roomId),
    ]);
    return (
      <RoomTimeline
        key={roomId}
        roomId={roomId}
        initialPage={page}
        initialReadMarks={readMarks}
        unreadAtOpen={room.unread_count}
        maxMessageLength={MAX_MESSAGE_LENGTH}
      />
    );
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
}
