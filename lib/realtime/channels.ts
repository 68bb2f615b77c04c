// Channel names: the only place they are spelled (browser and server share this). Event names
// and payloads are in lib/wire/events.ts.

/** A room's server events (messages, reads, members): private, so any number of members subscribe. */
export const roomChannel = (roomId: number) => `private-room-${roomId}`;
/** Who is online and typing in a room. Presence channels admit at most 100 members (as hosted
 * Pusher does); a member refused for that still gets every server event on roomChannel. */
export const roomPresenceChannel = (roomId: number) => `presence-room-${roomId}`;
export const userChannel = (userId: number) => `private-user-${userId}`;

/** Pusher's limit on channels in one trigger call (the embedded server enforces it too). */
export const TRIGGER_CHANNEL_LIMIT = 100;

/** `channels` in groups that each fit one trigger call. */
export function triggerChunks(channels: string[]): string[][] {
  const chunks: string[][] = [];
  for (let i = 0; i < channels.length; i += TRIGGER_CHANNEL_LIMIT) chunks.push(channels.slice(i, i + TRIGGER_CHANNEL_LIMIT));
  return chunks;
}

export const ROOM_CHANNEL_PATTERN = /^private-room-([1-9][0-9]{0,15})$/;
export const ROOM_PRESENCE_CHANNEL_PATTERN = /^presence-room-([1-9][0-9]{0,15})$/;
export const USER_CHANNEL_PATTERN = /^private-user-([1-9][0-9]{0,15})$/;
