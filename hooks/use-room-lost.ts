"use client";
import { useChatState } from "@/hooks/use-chat-store";

/** Removed while looking at it: members.updated without us, or the room's channel refused on reconnect. */
export function useRoomLost(roomId: number): boolean {
  return useChatState((s) => s.lostRooms.includes(roomId) || s.members[roomId]?.some((m) => m.id === s.me.id) === false);
}
