// The unread email digest through its door, GET /api/cron/notifications (Vercel Cron's call),
// with mail received over real SMTP (tests/support/mail.ts) and open tabs seen by the real
// realtime server (a pusher-js client on the user's private channel).
import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { GET as cronRoute } from "@/app/api/cron/notifications/route";
import { sendMessage } from "@/lib/chat/send";
import { db } from "@/lib/db";
import { resetEnvCache } from "@/lib/env";
import { userChannel } from "@/lib/realtime/channels";
import { delivered } from "@/tests/support/delivered";
import { makeRoom, makeUser } from "@/tests/support/factories";
import { call, request } from "@/tests/support/http";
import { linkIn, mailTo, ownMailServer, waitForMail } from "@/tests/support/mail";
import { disconnectAll, pusherClientFor, subscribed } from "@/tests/support/pusher-clients";

const SECRET = "cron-secret-for-digest-tests-0123456789";
const saved = { CRON_SECRET: process.env.CRON_SECRET, NOTIFY_EMAIL_DELAY_MINUTES: process.env.NOTIFY_EMAIL_DELAY_MINUTES };
let mail: Awaited<ReturnType<typeof ownMailServer>>;

function setEnv(values: Partial<Record<keyof typeof saved, string | undefined>>) {
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  resetEnvCache();
}

beforeAll(async () => {
  mail = await ownMailServer();
});
beforeEach(() => setEnv({ CRON_SECRET: SECRET, NOTIFY_EMAIL_DELAY_MINUTES: "0" }));
afterEach(() => disconnectAll());
afterAll(async () => {
  setEnv(saved);
  await mail.restore();
});

const cron = async (authorization: string | null = `Bearer ${SECRET}`) =>
  call(cronRoute, await request(null, "GET", "/api/cron/notifications", { headers: authorization ? { authorization } : {} }));

const emailOf = (user: { username: string }) => `${user.username}@test.example`;
const verified = () => makeUser({ emailVerifiedAt: new Date() });
const say = (userId: number, roomId: number, content = "hello") => delivered(sendMessage({ userId, roomId, content, clientId: randomUUID() }));
const participant = (roomId: number, userId: number) => db.chatParticipant.findUniqueOrThrow({ where: { roomId_userId: { roomId, userId } } });

/** Runs the cron until all it claims is held for open tabs, so what is due now has been handled. */
async function settle() {
  for (let i = 0; i < 5; i++) {
    const answer = await cron();
    expect(answer.status).toBe(200);
    if (answer.body.claimed === answer.body.deferred) return;
  }
  throw new Error("the digest kept claiming rows");
}

describe("GET /api/cron/notifications", () => {
  it("answers 401 without the secret, with a wrong one, and while CRON_SECRET is unset, and sends nothing", async () => {
    const [a, b] = await Promise.all([verified(), verified()]);
    const room = await makeRoom([a.id, b.id]);
    await say(a.id, room.id);
    expect((await cron(null)).status).toBe(401);
    expect((await cron(`Bearer ${SECRET}x`)).status).toBe(401);
    expect((await cron(SECRET)).status).toBe(401);
    setEnv({ CRON_SECRET: undefined });
    expect((await cron()).status).toBe(401);
    expect((await cron("Bearer ")).status).toBe(401);
    setEnv({ CRON_SECRET: SECRET });
    expect(mailTo(mail, emailOf(b))).toEqual([]);
    expect((await participant(room.id, b.id)).emailNotifiedAt).toBeNull();
    await settle();
  });

  it("emails an offline user once for a burst of 20 messages, with a link that opens the room and an unsubscribe link", async () => {
    const [a, b] = await Promise.all([verified(), verified()]);
    const room = await makeRoom([a.id, b.id], "GROUP", "Kitchen deep clean");
    for (let i = 1; i <= 20; i++) await say(a.id, room.id, `message ${i}`);
    await settle();
    const [digest] = await waitForMail(mail, emailOf(b));
    expect(digest.subject).toBe("20 unread messages in Kitchen deep clean");
    expect(linkIn(digest, `/rooms/${room.id}`).origin).toBe("http://localhost:3000");
    expect(linkIn(digest, "/unsubscribe").searchParams.get("token")).toMatch(/^\d+\.\d+\./);
    expect(digest.headers["list-unsubscribe"]).toMatch(/^<http:\/\/localhost:3000\/api\/notify\/unsubscribe\?token=/);
    expect(digest.headers["list-unsubscribe-post"]).toBe("List-Unsubscribe=One-Click");
    expect(digest.text).toContain("message 20");
    // The sender gets nothing; a further run sends nothing more.
    await settle();
    expect(mailTo(mail, emailOf(b))).toHaveLength(1);
    expect(mailTo(mail, emailOf(a))).toEqual([]);
    expect((await participant(room.id, b.id)).emailNotifiedAt).not.toBeNull();
  });

  it("summarises several rooms in one email, and at most one per room per hour", async () => {
    const [a, b, c] = await Promise.all([verified(), verified(), verified()]);
    const first = await makeRoom([a.id, b.id], "GROUP", "Windows");
    const second = await makeRoom([c.id, b.id], "DIRECT");
    await say(a.id, first.id, "windows done");
    await say(c.id, second.id, "see you at 9");
    await settle();
    const [digest] = await waitForMail(mail, emailOf(b));
    expect(digest.subject).toBe("2 unread messages in 2 conversations");
    linkIn(digest, `/rooms/${first.id}`);
    linkIn(digest, `/rooms/${second.id}`);
    // The direct room is named after the other person, as in B's room list.
    expect(digest.text).toContain(`User ${c.username}`);

    await say(a.id, first.id, "one more");
    await settle();
    expect(mailTo(mail, emailOf(b))).toHaveLength(1);
    // An hour later the room's new unread is emailed again.
    await db.$executeRaw`UPDATE chat_chatparticipant SET email_notified_at = email_notified_at - interval '61 minutes' WHERE room_id = ${first.id} AND user_id = ${b.id}`;
    await settle();
    const both = await waitForMail(mail, emailOf(b), 2);
    expect(both[1].subject).toBe("2 unread messages in Windows");
  });

  it("waits for the delay: the room's newest message must be older than it", async () => {
    setEnv({ NOTIFY_EMAIL_DELAY_MINUTES: undefined });
    const [a, b] = await Promise.all([verified(), verified()]);
    await db.user.update({ where: { id: b.id }, data: { notifyEmailDelayMinutes: 30 } });
    const room = await makeRoom([a.id, b.id]);
    await say(a.id, room.id);
    await db.$executeRaw`UPDATE chat_chatparticipant SET activity_at = activity_at - interval '29 minutes' WHERE room_id = ${room.id}`;
    await settle();
    expect(mailTo(mail, emailOf(b))).toEqual([]);
    await db.$executeRaw`UPDATE chat_chatparticipant SET activity_at = activity_at - interval '2 minutes' WHERE room_id = ${room.id}`;
    await settle();
    await waitForMail(mail, emailOf(b));
  });

  it("sends nothing for a muted room, with emails off, to an unverified address, or once the room is read", async () => {
    const [a, muted, off, unverified, reader] = await Promise.all([verified(), verified(), verified(), makeUser(), verified()]);
    const room = await makeRoom([a.id, muted.id, off.id, unverified.id, reader.id]);
    await db.chatParticipant.update({
      where: { roomId_userId: { roomId: room.id, userId: muted.id } },
      data: { mutedUntil: new Date("9999-01-01") },
    });
    await db.user.update({ where: { id: off.id }, data: { notifyEmail: false } });
    await say(a.id, room.id);
    await db.chatParticipant.update({ where: { roomId_userId: { roomId: room.id, userId: reader.id } }, data: { unreadCount: 0 } });
    await settle();
    for (const user of [muted, off, unverified, reader]) expect(mailTo(mail, emailOf(user))).toEqual([]);
    // Handled: out of the due index, so later runs do not look at them again.
    const due = await db.$queryRaw<Array<{ user_id: number }>>`
      SELECT user_id FROM chat_chatparticipant WHERE room_id = ${room.id}
        AND unread_count > 0 AND (email_notified_at IS NULL OR email_notified_at < activity_at)`;
    expect(due).toEqual([]);
  });

  it("holds the email while the user has an app tab open, and sends it once the tab is gone", async () => {
    const [a, b] = await Promise.all([verified(), verified()]);
    const room = await makeRoom([a.id, b.id]);
    const tab = pusherClientFor(b);
    await subscribed(tab, userChannel(b.id));
    await say(a.id, room.id);
    await settle();
    expect(mailTo(mail, emailOf(b))).toEqual([]);
    expect(await participant(room.id, b.id)).toMatchObject({ emailNotifiedAt: null, emailClaimedAt: null });
    tab.disconnect();
    await expect.poll(async () => (await cron()).body.emailed, { timeout: 10_000 }).toBe(1);
    await waitForMail(mail, emailOf(b));
  });

  it("two overlapping runs send one email; a claim left by a run that died is retried after its lease", async () => {
    const [a, b, c] = await Promise.all([verified(), verified(), verified()]);
    const room = await makeRoom([a.id, b.id]);
    await say(a.id, room.id);
    const runs = await Promise.all([cron(), cron(), cron()]);
    expect(runs.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(runs.reduce((sum, r) => sum + r.body.emailed, 0)).toBe(1);
    await waitForMail(mail, emailOf(b));
    expect(mailTo(mail, emailOf(b))).toHaveLength(1);

    // A run that claimed C's row and died: while its lease holds, nobody sends; after, the next run does.
    const other = await makeRoom([a.id, c.id]);
    await say(a.id, other.id);
    await db.$executeRaw`UPDATE chat_chatparticipant SET email_claimed_at = now() WHERE room_id = ${other.id} AND user_id = ${c.id}`;
    await settle();
    expect(mailTo(mail, emailOf(c))).toEqual([]);
    await db.$executeRaw`UPDATE chat_chatparticipant SET email_claimed_at = now() - interval '6 minutes' WHERE room_id = ${other.id} AND user_id = ${c.id}`;
    await settle();
    await waitForMail(mail, emailOf(c));
  });

  it("keeps the email for the next run when the mail server refuses it", async () => {
    const [a, b] = await Promise.all([verified(), verified()]);
    const room = await makeRoom([a.id, b.id]);
    await say(a.id, room.id);
    process.env.SMTP_URL = "smtp://127.0.0.1:9";
    resetEnvCache();
    try {
      const answer = await cron();
      expect(answer.status).toBe(200);
      expect(answer.body.failed).toBeGreaterThanOrEqual(1);
    } finally {
      process.env.SMTP_URL = mail.smtpUrl;
      resetEnvCache();
    }
    expect(await participant(room.id, b.id)).toMatchObject({ emailNotifiedAt: null, emailClaimedAt: null });
    await settle();
    await waitForMail(mail, emailOf(b));
  });
});
