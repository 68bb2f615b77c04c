import "server-only";
// The unread email digest: one email per user summarising the rooms whose unread has waited
// longer than the user's delay, at most one per room per hour, only while the user has no app
// tab open. Run every minute by GET /api/cron/notifications (Vercel Cron) or, on a long-lived
// server, by lib/notify/digest-loop.ts.
//
// A run claims the due participant rows (email_claimed_at, a 5-minute lease) in one statement
// that reads chat_part_email_due_idx and skips rows another run holds, sends, then records
// email_notified_at = the claim time. Two overlapping runs never claim the same row; a run that
// dies after claiming leaves the lease to expire and the next run sends (a run that dies between
// the SMTP send and the record sends that email again: at least once, never lost).
import { env } from "@/lib/env";
import { db } from "@/lib/db";
import { log } from "@/lib/log";
import { sendMail } from "@/lib/mail/send";
import { digestMail, type DigestRoom } from "@/lib/notify/digest-mail";
import { openTabUserIds } from "@/lib/notify/open-tabs";

const LEASE = "5 minutes";
const BATCH = 500;

type Claimed = {
  id: number;
  userId: number;
  roomId: number;
  unreadCount: number;
  claimedAt: Date;
  muted: boolean;
};

type Recipient = { id: number; email: string; name: string; notifyEmail: boolean; isActive: boolean; verified: boolean; hidePreviews: boolean };

export type DigestRun = { claimed: number; emailed: number; skipped: number; deferred: number; failed: number };

/**
 * Claims due rows: unread, with activity not yet emailed (the partial index's predicate), the
 * room's newest activity older than the delay (so a burst is one email, after it settles), no
 * email for the room in the last hour, no live claim.
 */
async function claimDue(limit: number): Promise<Claimed[]> {
  const override = env().NOTIFY_EMAIL_DELAY_MINUTES;
  const overrideSeconds = override === undefined ? null : Math.round(override * 60);
  return db.$queryRaw<Claimed[]>`
    WITH due AS (
      SELECT p.id FROM chat_chatparticipant p
      JOIN users u ON u.id = p.user_id
      WHERE p.unread_count > 0 AND (p.email_notified_at IS NULL OR p.email_notified_at < p.activity_at)
        AND p.activity_at <= now() - make_interval(secs => COALESCE(${overrideSeconds}::int, u.notify_email_delay_minutes * 60))
        AND (p.email_notified_at IS NULL OR p.email_notified_at <= now() - interval '1 hour')
        AND (p.email_claimed_at IS NULL OR p.email_claimed_at <= now() - ${LEASE}::interval)
      ORDER BY p.activity_at
      LIMIT ${limit}
      FOR UPDATE OF p SKIP LOCKED
    )
    -- An id list rather than a join: each claimed row by primary key, never a scan of the table.
    UPDATE chat_chatparticipant p SET email_claimed_at = clock_timestamp()
    WHERE p.id = ANY(ARRAY(SELECT id FROM due))
    RETURNING p.id, p.user_id AS "userId", p.room_id AS "roomId", p.unread_count AS "unreadCount",
      p.email_claimed_at AS "claimedAt", COALESCE(p.muted_until > now(), false) AS muted`;
}

/** Done with these rows: emailed (or never to be), as of their claim. */
async function markNotified(rows: Claimed[]): Promise<void> {
  if (rows.length === 0) return;
  await db.$executeRaw`
    UPDATE chat_chatparticipant SET email_notified_at = email_claimed_at, email_claimed_at = NULL
    WHERE id = ANY(${rows.map((r) => r.id)}::int[]) AND email_claimed_at IS NOT NULL`;
}

/** Not now (an open tab, a failed send): a later run looks again. */
async function release(rows: Claimed[]): Promise<void> {
  if (rows.length === 0) return;
  await db.$executeRaw`UPDATE chat_chatparticipant SET email_claimed_at = NULL WHERE id = ANY(${rows.map((r) => r.id)}::int[])`;
}

async function recipients(userIds: number[]): Promise<Map<number, Recipient>> {
  const users = await db.user.findMany({
    where: { id: { in: userIds } },
    select: { id: true, email: true, name: true, notifyEmail: true, isActive: true, emailVerifiedAt: true, notifyHidePreviews: true },
  });
  return new Map(
    users.map((u) => [
      u.id,
      {
        id: u.id,
        email: u.email,
        name: u.name,
        notifyEmail: u.notifyEmail,
        isActive: u.isActive,
        verified: u.emailVerifiedAt !== null,
        hidePreviews: u.notifyHidePreviews,
      },
    ]),
  );
}

/** The rooms as the recipient sees them in their list (a direct room is named after the other person). */
async function roomsFor(userId: number, rows: Claimed[]): Promise<DigestRoom[]> {
  const rooms = await db.$queryRaw<Array<{ id: number; name: string; preview: string | null; sender: string | null }>>`
    SELECT r.id,
      CASE WHEN r.kind = 'DIRECT' THEN COALESCE(
        (SELECT ou.display_name FROM chat_chatparticipant op JOIN users ou ON ou.id = op.user_id
          WHERE op.room_id = r.id AND op.user_id <> ${userId} ORDER BY op.id LIMIT 1), r.name)
      ELSE r.name END AS name,
      r.last_message_content AS preview, su.display_name AS sender
    FROM chat_chatroom r LEFT JOIN users su ON su.id = r.last_message_sender_id
    WHERE r.id = ANY(${rows.map((r) => r.roomId)}::int[])`;
  const unread = new Map(rows.map((r) => [r.roomId, r.unreadCount]));
  return rooms.map((r) => ({ id: r.id, name: r.name, unread: unread.get(r.id) ?? 0, preview: r.preview, sender: r.sender }));
}

/** One run: claim, filter, send one email per user, record. Never throws for one user's failure. */
export async function sendDueDigests(limit = BATCH): Promise<DigestRun> {
  const claimed = await claimDue(limit);
  const run: DigestRun = { claimed: claimed.length, emailed: 0, skipped: 0, deferred: 0, failed: 0 };
  if (claimed.length === 0) return run;
  const userIds = [...new Set(claimed.map((r) => r.userId))];
  const [people, open] = await Promise.all([recipients(userIds), openTabUserIds(userIds)]);

  const byUser = new Map<number, Claimed[]>();
  const skipped: Claimed[] = [];
  const deferred: Claimed[] = [];
  for (const row of claimed) {
    const person = people.get(row.userId);
    // Never emailed for (and so out of the index): emails off, a muted room, an unverified address.
    if (!person?.isActive || !person.notifyEmail || !person.verified || row.muted) skipped.push(row);
    else if (open.has(row.userId)) deferred.push(row);
    else byUser.set(row.userId, [...(byUser.get(row.userId) ?? []), row]);
  }
  await markNotified(skipped);
  await release(deferred);
  run.skipped = skipped.length;
  run.deferred = deferred.length;

  for (const [userId, rows] of byUser) {
    const person = people.get(userId);
    if (!person) continue;
    try {
      const rooms = await roomsFor(userId, rows);
      if (!(await sendMail(digestMail(person, rooms)))) throw new Error("no mail server configured (SMTP_URL)");
      await markNotified(rows);
      run.emailed += 1;
    } catch (error) {
      run.failed += 1;
      log.warn({ event: "notify.digest_failed", user_id: userId, error: String(error) }, "unread email not sent; retried next run");
      await release(rows).catch(() => {});
    }
  }
  log.info({ event: "notify.digest", ...run }, "unread email run");
  return run;
}
