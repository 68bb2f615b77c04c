// Channel names: the only place they are spelled (browser and server share this). Event names
// and payloads are in lib/wire/events.ts.

export const roomChannel = (roomId: number) => `presence-room-${roomId}`;
export const userChannel = (userId: number) => `private-user-${userId}`;

export const ROOM_CHANNEL_PATTERN = /^presence-room-([1-9][0-9]{0,15})$/;
export const USER_CHANNEL_PATTERN = /^private-user-([1-9][0-9]{0,15})$/;
