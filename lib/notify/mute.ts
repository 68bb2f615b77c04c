import "server-only";
// Muting a room for one member: no notification of any kind (in-tab, Web Push, email) until
// muted_until passes; the room still counts unread. "Until unmuted" is a far-future time, so one
// comparison with now() answers "muted?" everywhere.
import { roomUpdated } from "@/lib/chat/events";
import { getRoomForUser } from "@/lib/chat/rooms";
import type { MuteDuration } from "@/lib/chat/schemas";
import { notFound } from "@/lib/errors";
import { type WithEvents, withEvents } from "@/lib/realtime/outbox";
import { withOutbox } from "@/lib/realtime/outbox-store";
import type { WireRoom } from "@/lib/wire/rest";

export const UNTIL_UNMUTED = new Date("9999-12-31T00:00:00.000Z");
const HOUR_MS = 3_600_000;

export function mutedUntil(duration: MuteDuration, now = Date.now()): Date | null {
  switch (duration) {
    case "1h":
      return new Date(now + HOUR_MS);
    case "8h":
      return new Date(now + 8 * HOUR_MS);
    case "until_unmuted":
      return UNTIL_UNMUTED;
    case "off":
      return null;
  }
}

/** Sets the caller's mute of a room they are in; the room as they now see it goes to their other tabs. */
export async function muteRoom(input: { userId: number; roomId: number; duration: MuteDuration }): Promise<WithEvents<WireRoom>> {
  return withOutbox(async (tx) => {
    const changed = await tx.chatParticipant.updateMany({
      where: { roomId: input.roomId, userId: input.userId },
      data: { mutedUntil: mutedUntil(input.duration) },
    });
    if (changed.count === 0) throw notFound("Room not found");
    const room = await getRoomForUser(input.userId, input.roomId, tx);
    return withEvents(room, roomUpdated([{ userId: input.userId, room }]));
  });
}
