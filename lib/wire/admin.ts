// The admin API's snake_case answers: one schema each (types inferred), and the serializers
// from lib/admin's results, typed by them. Produced here and nowhere else.
import * as z from "zod/mini";
import type { AuditEntry } from "@/lib/admin/audit";
import type { DeleteResult, UserStanding } from "@/lib/admin/moderation";
import type { Overview, Point } from "@/lib/admin/overview";
import type { AdminRoom, AdminRoomDetail } from "@/lib/admin/rooms";
import type { AdminUser } from "@/lib/admin/users";
import { wireId, wireUserSchema } from "@/lib/wire/rest";

const isoTime = z.iso.datetime();
const count = z.number().check(z.int(), z.nonnegative());
const role = z.enum(["USER", "ADMIN"]);
const pointSchema = z.object({ at: isoTime, count });

export const adminOverviewSchema = z.object({
  users: count,
  rooms: count,
  messages: count,
  messages_estimated: z.boolean(),
  messages_24h: count,
  active_users_24h: count,
  messages_per_day: z.array(pointSchema),
  messages_per_hour: z.array(pointSchema),
  top_rooms: z.array(z.object({ id: wireId, name: z.string(), kind: z.string(), messages_7d: count })),
});

export const adminUserSchema = z.object({
  id: wireId,
  username: z.string(),
  email: z.string(),
  name: z.string(),
  role,
  is_active: z.boolean(),
  created_at: isoTime,
  rooms: count,
});
export const adminUserPageSchema = z.object({ users: z.array(adminUserSchema), next_after: z.nullable(wireId) });

export const adminStandingSchema = z.object({ id: wireId, username: z.string(), role, is_active: z.boolean() });

export const adminRoomSchema = z.object({
  id: wireId,
  name: z.string(),
  kind: z.string(),
  job_id: z.nullable(wireId),
  owner_id: z.nullable(wireId),
  participants: count,
  last_message_time: z.nullable(isoTime),
  updated_at: isoTime,
  created_at: isoTime,
});
export const adminRoomPageSchema = z.object({ rooms: z.array(adminRoomSchema), next_cursor: z.nullable(z.string()) });

export const adminRoomDetailSchema = z.object({
  room: z.extend(adminRoomSchema, { last_message_content: z.string() }),
  participants: z.array(
    z.object({
      user_id: wireId,
      username: z.string(),
      is_active: z.boolean(),
      unread_count: count,
      last_read_message_id: z.nullable(wireId),
      last_seen: isoTime,
      joined_at: isoTime,
    }),
  ),
  messages: z.array(z.object({ id: wireId, sender: wireUserSchema, content: z.string(), timestamp: isoTime, deleted_at: z.nullable(isoTime) })),
  older_before: z.nullable(wireId),
});

export const adminDeleteSchema = z.object({ id: wireId, room_id: wireId, deleted: z.literal(true), already_deleted: z.boolean() });

export const adminAuditSchema = z.object({
  id: wireId,
  actor: z.nullable(wireUserSchema),
  action: z.string(),
  target_type: z.string(),
  target_id: wireId,
  details: z.unknown(),
  created_at: isoTime,
});
export const adminAuditPageSchema = z.object({ entries: z.array(adminAuditSchema), next_before: z.nullable(wireId) });

type Out<S extends z.ZodMiniType> = z.infer<S>;
const iso = (d: Date | null) => (d ? d.toISOString() : null);
const points = (list: Point[]) => list.map((p) => ({ at: p.at.toISOString(), count: p.count }));

export const wireOverview = (o: Overview): Out<typeof adminOverviewSchema> => ({
  users: o.users,
  rooms: o.rooms,
  messages: o.messages,
  messages_estimated: o.messagesEstimated,
  messages_24h: o.messages24h,
  active_users_24h: o.activeUsers24h,
  messages_per_day: points(o.perDay),
  messages_per_hour: points(o.perHour),
  top_rooms: o.topRooms.map((r) => ({ id: r.id, name: r.name, kind: r.kind, messages_7d: r.count })),
});

export const wireUser = (u: AdminUser): Out<typeof adminUserSchema> => ({
  id: u.id,
  username: u.username,
  email: u.email,
  name: u.name,
  role: u.role,
  is_active: u.isActive,
  created_at: u.createdAt.toISOString(),
  rooms: u.rooms,
});

export const wireStanding = (u: UserStanding): Out<typeof adminStandingSchema> => ({
  id: u.id,
  username: u.username,
  role: u.role,
  is_active: u.isActive,
});

export const wireRoom = (r: AdminRoom): Out<typeof adminRoomSchema> => ({
  id: r.id,
  name: r.name,
  kind: r.kind,
  job_id: r.jobId,
  owner_id: r.ownerId,
  participants: r.participants,
  last_message_time: iso(r.lastMessageTime),
  updated_at: r.updatedAt.toISOString(),
  created_at: r.createdAt.toISOString(),
});

export const wireRoomDetail = (d: AdminRoomDetail): Out<typeof adminRoomDetailSchema> => ({
  room: { ...wireRoom(d.room), last_message_content: d.room.lastMessageContent },
  participants: d.participants.map((p) => ({
    user_id: p.userId,
    username: p.username,
    is_active: p.isActive,
    unread_count: p.unreadCount,
    last_read_message_id: p.lastReadMessageId,
    last_seen: p.lastSeen.toISOString(),
    joined_at: p.joinedAt.toISOString(),
  })),
  messages: d.messages.map((m) => ({
    id: m.id,
    sender: { id: m.senderId, username: m.senderUsername },
    content: m.content,
    timestamp: m.timestamp.toISOString(),
    deleted_at: iso(m.deletedAt),
  })),
  older_before: d.olderBefore,
});

export const wireDelete = (r: DeleteResult): Out<typeof adminDeleteSchema> => ({
  id: r.messageId,
  room_id: r.roomId,
  deleted: true,
  already_deleted: r.alreadyDeleted,
});

export const wireAudit = (e: AuditEntry): Out<typeof adminAuditSchema> => ({
  id: e.id,
  actor: e.actor,
  action: e.action,
  target_type: e.targetType,
  target_id: e.targetId,
  details: e.details,
  created_at: e.createdAt.toISOString(),
});
