import "server-only";
// An admin's page on one person: their rooms, reports by and against them, suspensions, when they
// were last active, and their messages per day over the last 30 days (one query on chat_sender_time_idx).
import type { SessionUser } from "@/lib/auth/credentials";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { assertAdmin } from "@/lib/admin/guard";
import { activeWhere } from "@/lib/moderation/suspensions";

const REPORT_LIST = 50;
const PERSON = { select: { id: true, username: true } } as const;
const REPORT_FIELDS = {
  id: true,
  reason: true,
  note: true,
  status: true,
  resolution: true,
  createdAt: true,
  messageId: true,
  roomId: true,
} as const;

export type DayCount = { day: Date; count: number };

export async function getAdminUserDetail(admin: SessionUser, userId: number) {
  await assertAdmin(admin);
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { id: true, username: true, name: true, email: true, role: true, isActive: true, createdAt: true },
  });
  if (!user) throw notFound("User not found");
  const [rooms, against, by, suspensions, active, perDay] = await Promise.all([
    db.chatParticipant.findMany({
      where: { userId },
      orderBy: { lastSeen: "desc" },
      take: 100,
      select: { lastSeen: true, joinedAt: true, room: { select: { id: true, name: true, kind: true } } },
    }),
    db.report.findMany({
      where: { reportedUserId: userId },
      orderBy: { id: "desc" },
      take: REPORT_LIST,
      select: { ...REPORT_FIELDS, reporter: PERSON },
    }),
    db.report.findMany({
      where: { reporterId: userId },
      orderBy: { id: "desc" },
      take: REPORT_LIST,
      select: { ...REPORT_FIELDS, reportedUser: PERSON },
    }),
    db.userSuspension.findMany({
      where: { userId },
      orderBy: { id: "desc" },
      take: 50,
      select: { id: true, reason: true, endsAt: true, liftedAt: true, createdAt: true, createdBy: PERSON, liftedBy: PERSON },
    }),
    db.userSuspension.findFirst({ where: { userId, ...activeWhere() }, orderBy: { id: "desc" }, select: { id: true } }),
    // Whole UTC days; the range keeps it on chat_sender_time_idx (sender_id, timestamp DESC).
    db.$queryRaw<Array<{ day: Date; count: bigint }>>`
      SELECT date_trunc('day', timestamp AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' AS day, count(*) AS count
      FROM chat_message
      WHERE sender_id = ${userId} AND timestamp >= date_trunc('day', now() AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' - interval '29 days'
      GROUP BY 1 ORDER BY 1`,
  ]);
  const lastActive = rooms.reduce<Date | null>((latest, r) => (!latest || r.lastSeen > latest ? r.lastSeen : latest), null);
  return {
    user,
    lastActive,
    rooms: rooms.map((r) => ({ ...r.room, lastSeen: r.lastSeen, joinedAt: r.joinedAt })),
    reportsAgainst: against.map((r) => ({ ...r, id: Number(r.id), messageId: r.messageId === null ? null : Number(r.messageId), other: r.reporter })),
    reportsBy: by.map((r) => ({ ...r, id: Number(r.id), messageId: r.messageId === null ? null : Number(r.messageId), other: r.reportedUser })),
    suspensions: suspensions.map((s) => ({ ...s, id: Number(s.id), active: active !== null && active.id === s.id })),
    perDay: fillDays(perDay.map((p) => ({ day: p.day, count: Number(p.count) }))),
  };
}

/** Thirty UTC days ending today, with 0 where no message was sent. */
function fillDays(rows: DayCount[], now = new Date()): DayCount[] {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const byDay = new Map(rows.map((r) => [r.day.getTime(), r.count]));
  return Array.from({ length: 30 }, (_, i) => {
    const day = today - (29 - i) * 86_400_000;
    return { day: new Date(day), count: byDay.get(day) ?? 0 };
  });
}
