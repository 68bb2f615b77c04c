// The admin API's snake_case JSON, produced here and nowhere else.
import type { AuditEntry } from "@/lib/admin/audit";
import type { DeleteResult, UserStanding } from "@/lib/admin/moderation";
import type { Overview, Point } from "@/lib/admin/overview";
import type { AdminRoom, AdminRoomDetail } from "@/lib/admin/rooms";
import type { AdminUser } from "@/lib/admin/users";

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const points = (list: Point[]) => list.map((p) => ({ at: p.at.toISOString(), count: p.count }));

export const wireOverview = (o: Overview) => ({
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

export const wireUser = (u: AdminUser) => ({
  id: u.id,
  username: u.username,
  email: u.email,
  name: u.name,
  role: u.role,
  is_active: u.isActive,
  created_at: u.createdAt.toISOString(),
  rooms: u.rooms,
});

export const wireStanding = (u: UserStanding) => ({ id: u.id, username: u.username, role: u.role, is_active: u.isActive });

export const wireRoom = (r: AdminRoom) => ({
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

export const wireRoomDetail = (d: AdminRoomDetail) => ({
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

export const wireDelete = (r: DeleteResult) => ({ id: r.messageId, room_id: r.roomId, deleted: true, already_deleted: r.alreadyDeleted });

export const wireAudit = (e: AuditEntry) => ({
  id: e.id,
  actor: e.actor,
  action: e.action,
  target_type: e.targetType,
  target_id: e.targetId,
  details: e.details,
  created_at: e.createdAt.toISOString(),
});
