"use client";
// Everything SWR does for the session, loaded once the page is interactive rather than with it
// (the server rendered the list and the room, so nothing here is needed to paint): the room
// list's revalidation and, while realtime is down, the open rooms' REST catch-up polls.
import { useState } from "react";
import { SWRConfig } from "swr";
import { useChatState } from "@/hooks/use-chat-store";
import { useRoomCatchUpPoll } from "@/hooks/use-room-catch-up-poll";
import { useRoomListSync } from "@/hooks/use-room-list-sync";
import type { ChatState } from "@/lib/chat/client/store";
import { ROOMS_KEY } from "@/lib/chat/client/swr-keys";
import type { RoomListHead } from "@/lib/chat/client/sync";

// A string, so the selection is equal while the same rooms are open.
const selectOpenRooms = (s: ChatState) => Object.keys(s.timelines).join(",");

export function SwrSession({ initialHead }: { initialHead: RoomListHead }) {
  const [value] = useState(() => ({ fallback: { [ROOMS_KEY]: initialHead } }));
  const open = useChatState(selectOpenRooms);
  return (
    <SWRConfig value={value}>
      <RoomListSync />
      {open ? open.split(",").map((id) => <CatchUpPoll key={id} roomId={Number(id)} />) : null}
    </SWRConfig>
  );
}

function RoomListSync() {
  useRoomListSync();
  return null;
}

function CatchUpPoll({ roomId }: { roomId: number }) {
  useRoomCatchUpPoll(roomId);
  return null;
}
