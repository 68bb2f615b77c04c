// Channel and event names: the only place they are spelled (browser and server share this).

export const roomChannel = (roomId: number) => `presence-room-${roomId}`;
export const userChannel = (userId: number) => `private-user-${userId}`;

export const ROOM_CHANNEL_PATTERN = /^presence-room-([1-9][0-9]{0,15})$/;
export const USER_CHANNEL_PATTERN = /^private-user-([1-9][0-9]{0,15})$/;

export const EVENTS = {
  messageCreated: "message.created",
  messageUpdated: "message.updated",
  messageDeleted: "message.deleted",
  readUpdated: "read.updated",
  roomUpdated: "room.updated",
  membersUpdated: "members.updated",
  typing: "client-typing",
} as const;

/** user_id and username are the sender's say-so, kept for older readers; receivers believe only
 * the user_id the realtime server attaches to the event (pusher-js passes it as metadata). */
export type TypingEvent = { user_id: number; username: string; typing: boolean };
export type ReadUpdatedEvent = { room_id: number; user_id: number; up_to_id: number };
export type MessageDeletedEvent = { id: number; room_id: number };
/** A group's whole member list (groups are small) and owner, after any change to either. */
export type MembersUpdatedEvent = { room_id: number; owner_id: number | null; members: Array<{ id: number; username: string; name: string }> };
