// The realtime events the chat domain produces, built from its results (delivered after commit
// by the doors: lib/realtime/outbox.ts).
import { fitMembers, fitMessage, fitRoom } from "@/lib/realtime/event-size";
import { messagePreview } from "@/lib/chat/preview";
import { mentionsAsText } from "@/lib/chat/mention-text";
import { roomChannel, triggerChunks, userChannel } from "@/lib/realtime/channels";
import { type OutgoingEvent, outgoing } from "@/lib/wire/events";
import type { MembersChangeWire, WireMessage, WireRoom } from "@/lib/wire/rest";

export type RoomView = { userId: number; room: WireRoom };

/** Each user's own view of a room, on their user channel. */
export const roomUpdated = (views: RoomView[]): OutgoingEvent[] => views.map((v) => outgoing(userChannel(v.userId), "room.updated", fitRoom(v.room)));

/** Off the list of someone who left or was removed. */
export const roomRemoved = (view: RoomView): OutgoingEvent =>
  outgoing(userChannel(view.userId), "room.updated", { ...fitRoom(view.room), removed: true });

/**
 * A send: message.created on the room's channel, and one room.activity for every member's room
 * list (the sender's too), on up to 100 user channels per trigger: 1 + ceil(members / 100)
 * publish calls whatever the room's size.
 */
export const messageCreated = (message: WireMessage, memberIds: number[]): OutgoingEvent[] => {
  const activity = {
    room_id: message.room_id,
    seq: message.seq,
    message_id: message.id,
    sender: message.sender,
    preview: messagePreview(mentionsAsText(message.content, message.mentions ?? []), message.attachments),
    timestamp: message.timestamp,
    mentions: (message.mentions ?? []).map((m) => m.id),
  };
  return [
    outgoing(roomChannel(message.room_id), "message.created", fitMessage(message)),
    ...triggerChunks(memberIds.map(userChannel)).map((channels) => outgoing(channels, "room.activity", activity)),
  ];
};

/** A withheld send (lib/chat/send.ts): only the sender's own room list hears of it, never the room's channel. */
export const withheldCreated = (message: WireMessage): OutgoingEvent[] => messageCreated(message, [message.sender.id]).slice(1);

export const messageDeleted = (message: { id: number; roomId: number }, views: RoomView[]): OutgoingEvent[] => [
  outgoing(roomChannel(message.roomId), "message.deleted", { id: message.id, room_id: message.roomId }),
  ...roomUpdated(views),
];

/** An edit: the whole message on the room's channel; room lists only when their preview changed. */
export const messageEdited = (message: WireMessage, views: RoomView[]): OutgoingEvent[] => [
  outgoing(roomChannel(message.room_id), "message.updated", fitMessage(message)),
  ...roomUpdated(views),
];

/** The room hears the new read mark only from a reader who sends read receipts; the reader's own
 * tabs always get their room view (unread count). */
export const readUpdated = (input: { roomId: number; userId: number; upToId: number; room: WireRoom; share: boolean }): OutgoingEvent[] => [
  ...(input.share
    ? [
        outgoing(roomChannel(input.roomId), "read.updated", {
          room_id: input.roomId,
          user_id: input.userId,
          up_to_id: input.upToId,
          read_at: new Date().toISOString(),
        }),
      ]
    : []),
  ...roomUpdated([{ userId: input.userId, room: input.room }]),
];

/** A group's members or owner changed: the room hears the new list, each remaining member their
 * own view of the room, and whoever left a room.updated marked `removed` (off their list). */
export const membersUpdated = (change: MembersChangeWire, views: RoomView[], removed?: RoomView): OutgoingEvent[] => [
  outgoing(roomChannel(change.room_id), "members.updated", fitMembers(change)),
  ...roomUpdated(views),
  ...(removed ? [roomRemoved(removed)] : []),
];
