// What the message list draws, in order: day separators, the "New messages" divider, stored
// messages and then this tab's pending sends.
import type { WireMessage } from "@/lib/wire/rest";
import type { PendingMessage } from "@/lib/chat/client/pending";
import { dayKey } from "@/lib/chat/client/format-time";

const GROUP_GAP_MS = 5 * 60_000;

export type TimelineItem =
  | { kind: "day"; key: string; timestamp: string }
  | { kind: "unread"; key: string }
  | { kind: "message"; key: string; message: WireMessage; continued: boolean }
  | { kind: "pending"; key: string; pending: PendingMessage; continued: boolean };

/** The key a message keeps from pending to stored, so its element is never re-created. */
export const messageKey = (senderId: number, clientId: string) => `m:${senderId}:${clientId}`;

export function timelineItems(
  messages: WireMessage[],
  pending: PendingMessage[],
  firstUnreadId: number | null,
  myId: number,
  timeZone: string,
): TimelineItem[] {
  const items: TimelineItem[] = [];
  let lastDay: string | null = null;
  let last: { senderId: number; time: number } | null = null;
  const dayKeys = new Set<string>();

  const place = (senderId: number, timestamp: string): boolean => {
    const day = dayKey(new Date(timestamp), timeZone);
    let breaks = false;
    if (day !== lastDay) {
      // A clock-skewed pending send can repeat a day; its separator still needs its own key.
      const key = dayKeys.has(day) ? `d:${day}:${items.length}` : `d:${day}`;
      dayKeys.add(day);
      items.push({ kind: "day", key, timestamp });
      lastDay = day;
      breaks = true;
    }
    const time = Date.parse(timestamp);
    const continued = !breaks && last !== null && last.senderId === senderId && time - last.time < GROUP_GAP_MS;
    last = { senderId, time };
    return continued;
  };

  for (const message of messages) {
    if (message.id === firstUnreadId) {
      items.push({ kind: "unread", key: "unread" });
      last = null;
    }
    const continued = place(message.sender.id, message.timestamp);
    items.push({ kind: "message", key: messageKey(message.sender.id, message.client_id), message, continued });
  }
  for (const p of pending) {
    const continued = place(myId, p.created_at);
    items.push({ kind: "pending", key: messageKey(myId, p.client_id), pending: p, continued });
  }
  return items;
}
