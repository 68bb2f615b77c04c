// A room's frame (header, presence channel). The membership check lives here, above the
// page's loading boundary, so a stranger's request is answered 404 before streaming starts.
import { notFound, redirect } from "next/navigation";
import type { ReactNode } from "react";
import { getRoom, getSessionUser } from "@/app/(chat)/cached-reads";
import { parseRoomId } from "@/app/(chat)/rooms/[roomId]/room-id";
import { RoomFrame } from "@/components/chat/room-frame";
import { listMembers } from "@/lib/chat/rooms";
import { AppError } from "@/lib/errors";

export default async function RoomLayout({ children, params }: { children: ReactNode; params: Promise<{ roomId: string }> }) {
  const user = await getSessionUser();
  if (!user) redirect("/login");
  const roomId = parseRoomId((await params).roomId);
  if (roomId === null) notFound();
  try {
    const [room, members] = await Promise.all([getRoom(user.id, roomId), listMembers(user.id, roomId)]);
    return (
      <RoomFrame key={room.id} room={room} members={members}>
        {children}
      </RoomFrame>
    );
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
}
