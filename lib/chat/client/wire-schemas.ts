// Shapes of what the browser receives (REST answers, realtime events, other browsers' client
// events), checked at the boundary before they reach the store.
import { z } from "zod";

// zod compiles object parsers with `new Function` when it may; its first parse probes for that,
// which the page's Content-Security-Policy (no 'unsafe-eval') refuses and reports as a
// violation. Every schema the browser parses with is in this module, so it says so up front
// (in the browser only: on the server, where this module is also loaded, the JIT stays).
if (typeof window !== "undefined") z.config({ jitless: true });

const wireUser = z.object({ id: z.number(), username: z.string() });

export const wireMessageSchema = z.object({
  id: z.number(),
  room_id: z.number(),
  sender: wireUser,
  content: z.string(),
  timestamp: z.string(),
  client_id: z.string(),
  is_read: z.boolean(),
  edited_at: z.string().nullable(),
  deleted: z.boolean(),
});

export const wireMessagePageSchema = z.object({
  messages: z.array(wireMessageSchema),
  has_more: z.boolean(),
  count: z.number(),
  oldest_id: z.number().nullable(),
  newest_id: z.number().nullable(),
});

export const wireRoomSchema = z.object({
  id: z.number(),
  name: z.string(),
  kind: z.enum(["DIRECT", "GROUP", "JOB"]),
  job_id: z.number().nullable(),
  last_message_content: z.string(),
  last_message_time: z.string().nullable(),
  last_message_sender: wireUser.nullable(),
  unread_count: z.number(),
  updated_at: z.string(),
  owner_id: z.number().nullable().default(null),
  // Only on the room.updated sent to someone who just left or was removed: drop it from the list.
  removed: z.literal(true).optional(),
});

export const roomPageSchema = z.object({ rooms: z.array(wireRoomSchema), next_cursor: z.string().nullable() });

export const userSummarySchema = z.object({ id: z.number(), username: z.string(), name: z.string() });
export type UserSummary = z.infer<typeof userSummarySchema>;
export const userSearchSchema = z.object({ users: z.array(userSummarySchema) });

export const unreadTotalSchema = z.object({ total: z.number() });

export const membersUpdatedSchema = z.object({
  room_id: z.number(),
  owner_id: z.number().nullable(),
  // null with members_truncated when the list would not fit in one event: fetch it.
  members: z.array(userSummarySchema).nullable(),
  members_truncated: z.boolean().optional(),
});
export const memberListSchema = z.object({ members: z.array(userSummarySchema) });
export const messageDeletedSchema = z.object({ id: z.number(), room_id: z.number() });
export const readUpdatedSchema = z.object({ room_id: z.number(), user_id: z.number(), up_to_id: z.number() });
// Who is typing is not in here: the sender could claim anyone. The realtime server attaches the
// member's authenticated id to client events on presence channels (the handler's metadata).
export const typingEventSchema = z.object({ typing: z.boolean() });
