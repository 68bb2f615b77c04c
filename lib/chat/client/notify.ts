// In-tab system notifications: a new message (room.activity) in a room that is not on screen, or
// while the tab is hidden, shows one when the user granted permission (asked for by
// components/chat/notification-prompt.tsx, never on load). Muted rooms stay silent unless the
// message mentions me and I asked to hear mentions in muted rooms. Clicking focuses the tab and
// opens the room. Loaded on the first message once permission is granted (hooks/use-realtime-connection).
import type { ChatStore } from "@/lib/chat/client/store";
import type { RoomActivityEvent } from "@/lib/wire/events";
import { isMuted } from "@/lib/chat/client/mute";

export function shouldNotify(store: ChatStore, activity: RoomActivityEvent, hidden: boolean): boolean {
  const { me, rooms, viewingRoomId } = store.getState();
  if (activity.sender.id === me.id) return false;
  if (!hidden && viewingRoomId === activity.room_id) return false;
  const room = rooms.find((r) => r.id === activity.room_id);
  const mentioned = Boolean(me.mentionsWhenMuted && activity.mentions?.includes(me.id));
  return !isMuted(room) || mentioned;
}

export function showMessageNotification(store: ChatStore, activity: RoomActivityEvent, open: (roomId: number) => void): void {
  if (!shouldNotify(store, activity, document.hidden)) return;
  const { me, rooms } = store.getState();
  const room = rooms.find((r) => r.id === activity.room_id);
  const sender = activity.sender.username;
  const title = me.hidePreviews ? "New message" : room && room.kind !== "DIRECT" ? `${sender} in ${room.name}` : sender;
  const body = me.hidePreviews ? "" : Array.from(activity.preview.replace(/\s+/g, " ")).slice(0, 120).join("");
  // One per message: every open tab shows it, and the same tag makes them one notification.
  const notification = new Notification(title, { body, tag: `message-${activity.message_id}`, icon: "/icon-192.png" });
  notification.onclick = () => {
    window.focus();
    open(activity.room_id);
    notification.close();
  };
}
