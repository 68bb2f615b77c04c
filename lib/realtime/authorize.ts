import "server-only";
// Who may subscribe to what: a room's private and presence channels for its active
// participants, a user channel for that user only. Everything else is refused.
import { MAX_ROW_ID } from "@/lib/chat/schemas";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { metrics } from "@/lib/metrics";
import { log } from "@/lib/log";
import { ROOM_CHANNEL_PATTERN, ROOM_PRESENCE_CHANNEL_PATTERN, USER_CHANNEL_PATTERN } from "@/lib/realtime/channels";
import { pusherServer } from "@/lib/realtime/pusher-server";
import type { SessionUser } from "@/lib/auth/credentials";

export type ChannelAuth = { auth: string; channel_data?: string };

export async function authorizeChannel(user: SessionUser, socketId: string, channel: string): Promise<ChannelAuth> {
  const presence = ROOM_PRESENCE_CHANNEL_PATTERN.exec(channel);
  const room = ROOM_CHANNEL_PATTERN.exec(channel) ?? presence;
  const own = USER_CHANNEL_PATTERN.exec(channel);
  let allowed = false;
  // The account must still be active: a caller holding a SessionUser from before a
  // deactivation is refused here too, not only at the session check.
  if (room) {
    const roomId = Number(room[1]);
    allowed =
      // Room ids are PostgreSQL integers: a larger one names no room (and would fail the query).
      roomId <= MAX_ROW_ID && (await db.chatParticipant.count({ where: { roomId, userId: user.id, user: { isActive: true } } })) > 0;
  } else if (own) {
    allowed = Number(own[1]) === user.id && (await db.user.count({ where: { id: user.id, isActive: true } })) > 0;
  }
  metrics.channelAuth.inc({ result: allowed ? "allowed" : "denied" });
  if (!allowed) {
    log.info({ event: "auth.failure", kind: "channel", user_id: user.id, channel }, "channel refused");
    throw new AppError("forbidden", "Not allowed on this channel");
  }
  if (presence) {
    return pusherServer().authorizeChannel(socketId, channel, {
      user_id: String(user.id),
      user_info: { username: user.username, name: user.name },
    });
  }
  return pusherServer().authorizeChannel(socketId, channel);
}

export type UserAuth = { auth: string; user_data: string };

/** pusher:signin's answer: the connection belongs to this user (the id terminate_connections names). */
export function authenticateUser(user: SessionUser, socketId: string): UserAuth {
  return pusherServer().authenticateUser(socketId, { id: String(user.id), user_info: { username: user.username, name: user.name } });
}
