import "server-only";
// Publishing after commit. A failed publish is logged and counted, never thrown: the
// message is already stored and clients catch up through the REST fallback.
import { roomChannel, userChannel, EVENTS, type MembersUpdatedEvent } from "@/lib/realtime/channels";
import { EVENT_DATA_BUDGET_BYTES, fitMembers, fitMessage, fitRoom, jsonBytes } from "@/lib/realtime/event-size";
import { pusherServer } from "@/lib/realtime/pusher-server";
import { log } from "@/lib/log";
import { metrics } from "@/lib/metrics";
import type { WireMessage, WireRoom } from "@/lib/chat/wire";

const BATCH_LIMIT = 10; // Pusher's maximum events per batch call.
type Event = { channel: string; name: string; data: unknown };

/** Drops (logged, counted) what is still too large: one oversize event must not sink its batch. */
function withinLimit(kind: string, events: Event[]): Event[] {
  return events.filter((e) => {
    const bytes = jsonBytes(e.data);
    if (bytes <= EVENT_DATA_BUDGET_BYTES) return true;
    metrics.publishFailures.inc();
    log.error({ event: "realtime.publish", kind, name: e.name, channel: e.channel, bytes }, "event over the size limit, not published");
    return false;
  });
}

async function publish(kind: string, all: Event[]): Promise<boolean> {
  const events = withinLimit(kind, all);
  if (events.length === 0) return all.length === 0;
  const started = performance.now();
  try {
    const batches: Event[][] = [];
    for (let i = 0; i < events.length; i += BATCH_LIMIT) batches.push(events.slice(i, i + BATCH_LIMIT));
    await Promise.all(
      batches.map((batch) =>
        batch.length === 1
          ? pusherServer().trigger(batch[0].channel, batch[0].name, batch[0].data)
          : pusherServer().triggerBatch(batch.map((e) => ({ channel: e.channel, name: e.name, data: e.data }))),
      ),
    );
    const ms = performance.now() - started;
    metrics.publishLatency.observe(ms / 1000);
    log.info({ event: "realtime.publish", kind, events: events.length, duration_ms: Math.round(ms) }, "published");
    return events.length === all.length;
  } catch (error) {
    metrics.publishFailures.inc();
    log.warn(
      { event: "realtime.publish", kind, events: events.length, duration_ms: Math.round(performance.now() - started), error: String(error) },
      "publish failed",
    );
    return false;
  }
}

export function publishMessageCreated(message: WireMessage, rooms: Array<{ userId: number; room: WireRoom }>) {
  return publish("message.created", [
    { channel: roomChannel(message.room_id), name: EVENTS.messageCreated, data: fitMessage(message) },
    ...rooms.map((r) => ({ channel: userChannel(r.userId), name: EVENTS.roomUpdated, data: fitRoom(r.room) })),
  ]);
}

export function publishRoomUpdated(rooms: Array<{ userId: number; room: WireRoom }>) {
  return publish(
    "room.updated",
    rooms.map((r) => ({ channel: userChannel(r.userId), name: EVENTS.roomUpdated, data: fitRoom(r.room) })),
  );
}

export function publishReadUpdated(input: { roomId: number; userId: number; upToId: number; room: WireRoom }) {
  return publish("read.updated", [
    { channel: roomChannel(input.roomId), name: EVENTS.readUpdated, data: { room_id: input.roomId, user_id: input.userId, up_to_id: input.upToId } },
    { channel: userChannel(input.userId), name: EVENTS.roomUpdated, data: fitRoom(input.room) },
  ]);
}

/** A group's members or owner changed: the room hears the new list, each remaining member their
 * own view of the room, and whoever left a room.updated marked `removed` (off their list). */
export function publishMembersUpdated(input: {
  event: MembersUpdatedEvent;
  rooms: Array<{ userId: number; room: WireRoom }>;
  removed?: { userId: number; room: WireRoom };
}) {
  const { event, rooms, removed } = input;
  return publish("members.updated", [
    { channel: roomChannel(event.room_id), name: EVENTS.membersUpdated, data: fitMembers(event) },
    ...rooms.map((r) => ({ channel: userChannel(r.userId), name: EVENTS.roomUpdated, data: fitRoom(r.room) })),
    ...(removed ? [{ channel: userChannel(removed.userId), name: EVENTS.roomUpdated, data: { ...fitRoom(removed.room), removed: true } }] : []),
  ]);
}

export function publishMessageDeleted(message: { id: number; roomId: number }, rooms: Array<{ userId: number; room: WireRoom }>) {
  return publish("message.deleted", [
    { channel: roomChannel(message.roomId), name: EVENTS.messageDeleted, data: { id: message.id, room_id: message.roomId } },
    ...rooms.map((r) => ({ channel: userChannel(r.userId), name: EVENTS.roomUpdated, data: fitRoom(r.room) })),
  ]);
}
