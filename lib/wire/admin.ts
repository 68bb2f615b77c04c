// The admin API's snake_case answers: one schema each (types inferred), and the serializers
// from lib/admin's results, typed by them. Produced here and nowhere else.
import * as v from "valibot";
import type { AuditEntry } from "@/lib/admin/audit";
import type { DeleteResult, UserStanding } from "@/lib/admin/moderation";
import type { Overview, Point } from "@/lib/admin/overview";
import type { AdminMessage, AdminRoom, AdminRoomDetail } from "@/lib/admin/rooms";
import type { AdminSearchHit } from "@/lib/admin/message-search";
import type { AdminUser } from "@/lib/admin/users";
import { wireAttachmentSchema, wireId, wireSearchResultSchema, wireUserSchema } from "@/lib/wire/rest";
import { toWireAttachment } from "@/lib/wire/serialize";

const isoTime = v.pipe(v.string(), v.isoTimestamp());
const count = v.pipe(v.number(), v.integer(), v.minValue(0));
const role = v.picklist(["USER", "ADMIN"]);
const pointSchema = v.object({ at: isoTime, count });

export const adminOverviewSchema = v.object({
  users: count,
  rooms: count,
  messages: count,
  messages_estimated: v.boolean(),
  messages_24h: count,
  active_users_24h: count,
  messages_per_day: v.array(pointSchema),
  messages_per_hour: v.array(pointSchema),
  top_rooms: v.array(v.object({ id: wireId, name: v.string(), kind: v.string(), messages_7d: count })),
});

export const adminUserSchema = v.object({
  id: wireId,
  username: v.string(),
  email: v.string(),
  name: v.string(),
  role,
  is_active: v.boolean(),
  created_at: isoTime,
  rooms: count,
});
export const adminUserPageSchema = v.object({ users: v.array(adminUserSchema), next_after: v.nullable(wireId) });

export const adminStandingSchema = v.object({ id: wireId, username: v.string(), role, is_active: v.boolean() });

export const adminRoomSchema = v.object({
  id: wireId,
  name: v.string(),
  kind: v.string(),
  job_id: v.nullable(wireId),
  owner_id: v.nullable(wireId),
  participants: count,
  last_message_time: v.nullable(isoTime),
  updated_at: isoTime,
  created_at: isoTime,
});
export const adminRoomPageSchema = v.object({ rooms: v.array(adminRoomSchema), next_cursor: v.nullable(v.string()) });

/** A message as admins see it: deleted content included, marked, with its edit history. */
export const adminMessageSchema = v.object({
  id: wireId,
  sender: wireUserSchema,
  content: v.string(),
  timestamp: isoTime,
  edited_at: v.nullable(isoTime),
  deleted_at: v.nullable(isoTime),
  /** The text before each edit, oldest first. */
  edits: v.array(v.object({ content: v.string(), edited_at: isoTime })),
  attachments: v.array(wireAttachmentSchema),
});

export const adminRoomDetailSchema = v.object({
  room: v.object({ ...adminRoomSchema.entries, last_message_content: v.string() }),
  participants: v.array(
    v.object({
      user_id: wireId,
      username: v.string(),
      is_active: v.boolean(),
      unread_count: count,
      last_read_message_id: v.nullable(wireId),
      last_seen: isoTime,
      joined_at: isoTime,
    }),
  ),
  messages: v.array(adminMessageSchema),
  older_before: v.nullable(wireId),
});

/** GET /api/admin/rooms/{id}/export (JSON): the room, its people and every message, oldest first. */
export const adminRoomExportSchema = v.object({
  room: adminRoomDetailSchema.entries.room,
  participants: adminRoomDetailSchema.entries.participants,
  exported_at: isoTime,
  messages: v.array(adminMessageSchema),
});

/** GET /api/admin/messages: search hits, newest first; `unknown_user` when `user` names no one. */
export const adminSearchPageSchema = v.object({
  results: v.array(
    v.object({
      id: wireId,
      room: v.object({ id: wireId, name: v.string() }),
      sender: wireUserSchema,
      timestamp: isoTime,
      deleted_at: v.nullable(isoTime),
      excerpt: v.string(),
      highlights: wireSearchResultSchema.entries.highlights,
    }),
  ),
  next_cursor: v.nullable(v.string()),
  unknown_user: v.boolean(),
});

export const adminDeleteSchema = v.object({ id: wireId, room_id: wireId, deleted: v.literal(true), already_deleted: v.boolean() });

export const adminAuditSchema = v.object({
  id: wireId,
  actor: v.nullable(wireUserSchema),
  action: v.string(),
  target_type: v.string(),
  target_id: wireId,
  details: v.unknown(),
  created_at: isoTime,
});
export const adminAuditPageSchema = v.object({ entries: v.array(adminAuditSchema), next_before: v.nullable(wireId) });

type Out<S extends v.GenericSchema> = v.InferOutput<S>;
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
  ...wireRoomHeader(d),
  messages: d.messages.map(wireAdminMessage),
  older_before: d.olderBefore,
});

export const wireRoomHeader = (d: Pick<AdminRoomDetail, "room" | "participants">) => ({
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
});

export const wireAdminMessage = (m: AdminMessage): Out<typeof adminMessageSchema> => ({
  id: m.id,
  sender: { id: m.senderId, username: m.senderUsername },
  content: m.content,
  timestamp: m.timestamp.toISOString(),
  edited_at: iso(m.editedAt),
  deleted_at: iso(m.deletedAt),
  edits: m.edits.map((e) => ({ content: e.oldContent, edited_at: e.editedAt.toISOString() })),
  attachments: m.attachments.map(toWireAttachment),
});

export const wireSearchPage = (page: {
  hits: AdminSearchHit[];
  nextCursor: string | null;
  unknownUser: boolean;
}): Out<typeof adminSearchPageSchema> => ({
  results: page.hits.map((h) => ({
    id: h.id,
    room: { id: h.roomId, name: h.roomName },
    sender: { id: h.senderId, username: h.senderUsername },
    timestamp: h.timestamp.toISOString(),
    deleted_at: iso(h.deletedAt),
    excerpt: h.excerpt,
    highlights: h.highlights,
  })),
  next_cursor: page.nextCursor,
  unknown_user: page.unknownUser,
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
