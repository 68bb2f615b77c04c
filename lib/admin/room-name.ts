import "server-only";
// How a room is named on admin pages: a direct room by its two people, others by their name.
import { Prisma } from "@/lib/generated/prisma/client";

/** SQL for the display name of chat_chatroom `r` (one index lookup per direct room). */
export const ADMIN_ROOM_NAME = Prisma.sql`CASE WHEN r.kind = 'DIRECT' THEN COALESCE(
  (SELECT string_agg(u.username, ' ↔ ' ORDER BY u.username) FROM chat_chatparticipant p
    JOIN users u ON u.id = p.user_id WHERE p.room_id = r.id), r.name)
  ELSE r.name END`;
