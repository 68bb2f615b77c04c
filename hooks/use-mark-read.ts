"use client";
// Viewing a room marks it read: shortly after its newest message is on screen in a visible
// tab, through markReadAction. The answer (and room.updated in every other tab) drops the
// badge to 0. While the room is on screen in a visible tab, the store does not count its new
// messages as unread (room.activity), so a newer message from someone else marks it read too.
// Leaving the room before the debounce fires sends the read at once: the user saw the messages
// (the list hides the open room's badge), so they must not come back unread.
import { useEffect, useRef } from "react";
import { markReadAction } from "@/app/(chat)/actions";
import { useChatState, useChatStore } from "@/hooks/use-chat-store";
import { usePageVisible } from "@/hooks/use-page-visible";
import { newestFromOthers, newestId } from "@/lib/chat/client/timeline";

const MARK_READ_DEBOUNCE_MS = 400;

export function useMarkRead(roomId: number): void {
  const store = useChatStore();
  const newest = useChatState((s) => newestId(s.timelines[roomId]));
  const fromOthers = useChatState((s) => newestFromOthers(s.timelines[roomId], s.me.id));
  const unread = useChatState((s) => s.rooms.find((r) => r.id === roomId)?.unread_count ?? 0);
  const visible = usePageVisible();
  const marked = useRef(0);
  /** The newest message from others known to be read (null until the room is seen with 0 unread or marked). */
  const read = useRef<number | null>(null);
  const seenRoom = useRef(roomId);
  /** A read waiting for its debounce: sent when the room is left first. */
  const pending = useRef<{ roomId: number; upTo: number } | null>(null);

  useEffect(
    () => () => {
      const left = pending.current;
      pending.current = null;
      if (left?.roomId !== roomId) return;
      void markReadAction({ room_id: left.roomId, up_to_id: left.upTo }).then(
        (result) => result.ok && store.upsertRooms([result.data]),
        () => {},
      );
    },
    [store, roomId],
  );

  useEffect(() => {
    if (!visible) return;
    store.setViewingRoom(roomId);
    return () => store.setViewingRoom(null);
  }, [store, roomId, visible]);

  useEffect(() => {
    if (seenRoom.current !== roomId) {
      seenRoom.current = roomId;
      marked.current = 0;
      read.current = null;
    }
    pending.current = null;
    if (newest === null) return;
    if (read.current === null && unread === 0) read.current = fromOthers ?? 0;
    const unseen = unread > 0 || (read.current !== null && (fromOthers ?? 0) > read.current);
    if (!visible || !unseen || newest <= marked.current) return;
    pending.current = { roomId, upTo: newest };
    const timer = setTimeout(() => {
      pending.current = null;
      marked.current = newest;
      void markReadAction({ room_id: roomId, up_to_id: newest }).then(
        (result) => {
          if (!result.ok) {
            marked.current = 0;
            return;
          }
          read.current = Math.max(read.current ?? 0, fromOthers ?? 0);
          store.upsertRooms([result.data]);
        },
        () => {
          marked.current = 0;
        },
      );
    }, MARK_READ_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [store, roomId, newest, fromOthers, unread, visible]);
}
