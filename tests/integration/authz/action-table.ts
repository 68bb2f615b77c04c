// Every server action, with what each kind of caller must get and what an allowed call does to
// the database. The action matrix fails when a "use server" module exports a function that is
// not listed here.
import { expect } from "vitest";
import { db } from "@/lib/db";
import type { ErrorCode } from "@/lib/errors";
import type { Role } from "@/tests/integration/authz/route-table";
import { deviceKeys, subscriptionBody } from "@/tests/support/push";

export type ActionFixture = {
  roomId: number;
  memberId: number;
  messageId: number;
  /** A message the participant sent (theirs to edit and delete). */
  ownMessageId: number;
  /** An active user and a deactivated one, for the admin actions. */
  targetId: number;
  inactiveTargetId: number;
  /** A Web Push endpoint the participant subscribed. */
  pushEndpoint: string;
  /** An open report of the member's message, and a suspension (until lifted) of the inactive target. */
  reportId: number;
  suspensionId: number;
};
export type Expected = "ok" | ErrorCode;
export type ActionCase = {
  file: string;
  name: string;
  /** Which variant of the call, when an action has several rows. */
  variant?: string;
  args: (f: ActionFixture) => unknown[];
  expect: Record<Role, Expected>;
  /** After an ok answer: the change is in the database. */
  effect: (f: ActionFixture, callerId: number, data: unknown) => Promise<void>;
};

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.append(k, v);
  return data;
};
const roomScoped: Record<Role, Expected> = {
  anonymous: "unauthorized",
  stranger: "not_found",
  participant: "ok",
  deactivated: "unauthorized",
  admin: "not_found",
};
const signedIn: Record<Role, Expected> = { anonymous: "unauthorized", stranger: "ok", participant: "ok", deactivated: "unauthorized", admin: "ok" };
// Admin doors answer non-admins as if there were nothing there.
const adminOnly: Record<Role, Expected> = {
  anonymous: "unauthorized",
  stranger: "not_found",
  participant: "not_found",
  deactivated: "unauthorized",
  admin: "ok",
};
const everyone: Record<Role, Expected> = { anonymous: "ok", stranger: "ok", participant: "ok", deactivated: "ok", admin: "ok" };

let seq = 0;
const unique = () => `${process.pid}${Date.now().toString(36)}${++seq}`;
const CHAT = "app/(chat)/actions";
const ADMIN = "app/admin/actions";
const REPORTS = "app/(chat)/report-actions";
const MODERATION = "app/admin/moderation-actions";
const BLOCKS = "app/(chat)/block-actions";

export const ACTION_CASES: ActionCase[] = [
  {
    file: CHAT,
    name: "sendMessageAction",
    args: (f) => [{ room_id: f.roomId, content: "matrix", client_id: crypto.randomUUID() }],
    expect: roomScoped,
    async effect(f, callerId, data) {
      const id = (data as { id: number }).id;
      expect(await db.message.findUniqueOrThrow({ where: { id } })).toMatchObject({ roomId: f.roomId, senderId: callerId, content: "matrix" });
    },
  },
  {
    file: CHAT,
    name: "sendMessageAction",
    variant: "reply",
    args: (f) => [{ room_id: f.roomId, content: "matrix reply", client_id: crypto.randomUUID(), reply_to_id: f.messageId }],
    expect: roomScoped,
    async effect(f, callerId, data) {
      const id = (data as { id: number }).id;
      const row = await db.message.findUniqueOrThrow({ where: { id } });
      expect(row).toMatchObject({ roomId: f.roomId, senderId: callerId, replyToId: BigInt(f.messageId) });
    },
  },
  {
    file: CHAT,
    name: "markReadAction",
    args: (f) => [{ room_id: f.roomId, up_to_id: f.messageId }],
    expect: roomScoped,
    async effect(f, callerId) {
      const read = await db.chatParticipant.findUniqueOrThrow({ where: { roomId_userId: { roomId: f.roomId, userId: callerId } } });
      expect({ upTo: Number(read.lastReadMessageId), unread: read.unreadCount }).toEqual({ upTo: f.messageId, unread: 0 });
    },
  },
  {
    file: CHAT,
    name: "editMyMessageAction",
    args: (f) => [{ room_id: f.roomId, message_id: f.ownMessageId, content: "matrix edit" }],
    expect: roomScoped,
    async effect(f) {
      const message = await db.message.findUniqueOrThrow({ where: { id: f.ownMessageId } });
      expect({ content: message.content, edited: message.editedAt !== null }).toEqual({ content: "matrix edit", edited: true });
      expect(await db.messageEdit.findMany({ where: { messageId: f.ownMessageId }, select: { oldContent: true } })).toEqual([{ oldContent: "mine" }]);
    },
  },
  {
    file: CHAT,
    name: "deleteMyMessageAction",
    args: (f) => [{ room_id: f.roomId, message_id: f.ownMessageId }],
    expect: roomScoped,
    async effect(f) {
      expect((await db.message.findUniqueOrThrow({ where: { id: f.ownMessageId } })).deletedAt).not.toBeNull();
    },
  },
  {
    file: CHAT,
    name: "createRoomAction",
    variant: "GROUP",
    args: (f) => [{ kind: "GROUP", name: "Matrix group", member_ids: [f.memberId] }],
    expect: signedIn,
    async effect(f, callerId, data) {
      const members = await db.chatParticipant.findMany({ where: { roomId: (data as { id: number }).id }, select: { userId: true } });
      expect(members.map((m) => m.userId).sort()).toEqual([callerId, f.memberId].sort());
    },
  },
  {
    file: CHAT,
    name: "createRoomAction",
    variant: "DIRECT",
    args: (f) => [{ kind: "DIRECT", user_id: f.memberId }],
    // A stranger shares no job or room with the member: not someone they can reach (lib/safety/reach.ts).
    expect: { ...signedIn, stranger: "not_found" },
    async effect(f, callerId, data) {
      const room = await db.chatRoom.findUniqueOrThrow({ where: { id: (data as { id: number }).id }, include: { participants: true } });
      expect({ kind: room.kind, members: room.participants.map((p) => p.userId).sort() }).toEqual({
        kind: "DIRECT",
        members: [callerId, f.memberId].sort(),
      });
    },
  },
  {
    file: CHAT,
    name: "removeMemberAction",
    // The participant owns the group (makeRoom), so removing another member is theirs to do.
    args: (f) => [{ room_id: f.roomId, user_id: f.memberId }],
    expect: roomScoped,
    async effect(f) {
      expect(await db.chatParticipant.count({ where: { roomId: f.roomId, userId: f.memberId } })).toBe(0);
    },
  },
  {
    file: CHAT,
    name: "updateSettingsAction",
    args: () => [{ read_receipts: false }],
    expect: signedIn,
    async effect(_f, callerId) {
      expect((await db.user.findUniqueOrThrow({ where: { id: callerId } })).readReceipts).toBe(false);
    },
  },
  {
    file: CHAT,
    name: "updateSettingsAction",
    variant: "notifications",
    args: () => [{ notify_email: false, notify_email_delay_minutes: 30, notify_hide_previews: true, notify_mentions_when_muted: true }],
    expect: signedIn,
    async effect(_f, callerId) {
      expect(await db.user.findUniqueOrThrow({ where: { id: callerId } })).toMatchObject({
        notifyEmail: false,
        notifyEmailDelayMinutes: 30,
        notifyHidePreviews: true,
        notifyMentionsWhenMuted: true,
      });
    },
  },
  {
    file: CHAT,
    name: "muteRoomAction",
    args: (f) => [{ room_id: f.roomId, duration: "8h" }],
    expect: roomScoped,
    async effect(f, callerId) {
      const row = await db.chatParticipant.findUniqueOrThrow({ where: { roomId_userId: { roomId: f.roomId, userId: callerId } } });
      expect(row.mutedUntil?.getTime()).toBeGreaterThan(Date.now() + 7 * 3_600_000);
    },
  },
  {
    // Any signed-in account may turn push on for its device (a public https endpoint).
    file: CHAT,
    name: "savePushSubscriptionAction",
    args: () => [subscriptionBody(`https://8.8.8.8/push/${unique()}`, deviceKeys())],
    expect: signedIn,
    async effect(_f, callerId, data) {
      const { endpoint } = data as { endpoint: string };
      expect((await db.pushSubscription.findUniqueOrThrow({ where: { endpoint } })).userId).toBe(callerId);
    },
  },
  {
    // Only the device's own account turns it off; anyone else learns nothing.
    file: CHAT,
    name: "deletePushSubscriptionAction",
    args: (f) => [{ endpoint: f.pushEndpoint }],
    expect: roomScoped,
    async effect(f) {
      expect(await db.pushSubscription.count({ where: { endpoint: f.pushEndpoint } })).toBe(0);
    },
  },
  {
    // Registration is public: a session, or a deactivated one, changes nothing about it.
    file: "app/(auth)/actions",
    name: "registerAction",
    args: () => {
      const name = `m_${unique()}`.slice(0, 30);
      return [{ username: name, email: `${name}@matrix.example`, name: "Matrix Person", password: "long enough" }];
    },
    expect: everyone,
    async effect(_f, _callerId, data) {
      const user = await db.user.findUniqueOrThrow({ where: { username: (data as { username: string }).username }, omit: { passwordHash: false } });
      expect({ role: user.role, active: user.isActive, hashed: user.passwordHash?.startsWith("$2") }).toEqual({
        role: "USER",
        active: true,
        hashed: true,
      });
    },
  },
  {
    // Public: the same answer for anyone, with or without a session, known address or not.
    file: "app/(auth)/actions",
    name: "requestPasswordResetAction",
    args: () => [{ email: `nobody_${unique()}@matrix.example` }],
    expect: everyone,
    async effect(_f, _callerId, data) {
      expect(data).toEqual({ message: expect.stringMatching(/If an account uses that address/) });
    },
  },
  {
    // The mailed token is the only authority: a session (anyone's) adds nothing to a forged one.
    file: "app/(auth)/actions",
    name: "resetPasswordAction",
    args: () => [{ token: "A".repeat(43), password: "matrix password" }],
    expect: {
      anonymous: "invalid_input",
      stranger: "invalid_input",
      participant: "invalid_input",
      deactivated: "invalid_input",
      admin: "invalid_input",
    },
    async effect() {},
  },
  {
    file: "app/(auth)/actions",
    name: "resendVerificationAction",
    args: () => [],
    expect: signedIn,
    async effect(_f, callerId) {
      expect(await db.accountToken.count({ where: { userId: callerId, purpose: "email_verification", usedAt: null } })).toBe(1);
    },
  },
  {
    file: "app/(auth)/unsubscribe/actions",
    name: "unsubscribeAction",
    args: () => [{ token: `1.${Math.floor(Date.now() / 1000)}.${"A".repeat(43)}` }],
    expect: {
      anonymous: "invalid_input",
      stranger: "invalid_input",
      participant: "invalid_input",
      deactivated: "invalid_input",
      admin: "invalid_input",
    },
    async effect() {},
  },
  {
    file: ADMIN,
    name: "deleteMessageAction",
    args: (f) => [null, form({ message_id: String(f.messageId), reason: "matrix" })],
    expect: adminOnly,
    async effect(f, callerId) {
      expect((await db.message.findUniqueOrThrow({ where: { id: f.messageId } })).deletedAt).not.toBeNull();
      expect(await db.auditLog.count({ where: { action: "message.delete", targetId: f.messageId, actorId: callerId } })).toBe(1);
    },
  },
  {
    file: ADMIN,
    name: "deactivateUserAction",
    args: (f) => [null, form({ user_id: String(f.targetId) })],
    expect: adminOnly,
    async effect(f, callerId) {
      expect((await db.user.findUniqueOrThrow({ where: { id: f.targetId } })).isActive).toBe(false);
      expect(await db.auditLog.count({ where: { targetType: "user", targetId: f.targetId, actorId: callerId } })).toBe(1);
    },
  },
  {
    file: ADMIN,
    name: "reactivateUserAction",
    args: (f) => [null, form({ user_id: String(f.inactiveTargetId) })],
    expect: adminOnly,
    async effect(f) {
      expect((await db.user.findUniqueOrThrow({ where: { id: f.inactiveTargetId } })).isActive).toBe(true);
    },
  },
  {
    file: ADMIN,
    name: "changeRoleAction",
    args: (f) => [null, form({ user_id: String(f.targetId), role: "ADMIN" })],
    expect: adminOnly,
    async effect(f) {
      expect((await db.user.findUniqueOrThrow({ where: { id: f.targetId } })).role).toBe("ADMIN");
    },
  },
  {
    file: ADMIN,
    name: "changeRoomOwnerAction",
    args: (f) => [null, form({ room_id: String(f.roomId), user_id: String(f.memberId) })],
    expect: adminOnly,
    async effect(f, callerId) {
      expect((await db.chatRoom.findUniqueOrThrow({ where: { id: f.roomId } })).ownerId).toBe(f.memberId);
      expect(await db.auditLog.count({ where: { action: "room.owner", targetType: "room", targetId: f.roomId, actorId: callerId } })).toBe(1);
    },
  },
  {
    file: REPORTS,
    name: "reportAction",
    args: (f) => [{ message_id: f.messageId, reason: "harassment", note: "matrix" }],
    expect: roomScoped,
    async effect(f, callerId) {
      expect(await db.report.count({ where: { reporterId: callerId, messageId: f.messageId, reportedUserId: f.memberId, status: "open" } })).toBe(1);
    },
  },
  {
    file: MODERATION,
    name: "resolveReportAction",
    args: (f) => [null, form({ report_id: String(f.reportId), action: "dismiss", note: "matrix" })],
    expect: adminOnly,
    async effect(f, callerId) {
      expect(await db.report.findUniqueOrThrow({ where: { id: f.reportId } })).toMatchObject({ status: "resolved", resolvedById: callerId });
      expect(await db.auditLog.count({ where: { action: "report.resolve", targetId: f.reportId, actorId: callerId } })).toBe(1);
    },
  },
  {
    file: MODERATION,
    name: "suspendUserAction",
    args: (f) => [null, form({ user_id: String(f.targetId), duration: "24h", note: "matrix" })],
    expect: adminOnly,
    async effect(f, callerId) {
      expect(await db.userSuspension.count({ where: { userId: f.targetId, createdById: callerId, liftedAt: null } })).toBe(1);
    },
  },
  {
    file: MODERATION,
    name: "liftSuspensionAction",
    args: (f) => [null, form({ suspension_id: String(f.suspensionId), note: "matrix" })],
    expect: adminOnly,
    async effect(f, callerId) {
      expect((await db.userSuspension.findUniqueOrThrow({ where: { id: f.suspensionId } })).liftedById).toBe(callerId);
    },
  },
  {
    file: BLOCKS,
    name: "blockUserAction",
    args: (f) => [{ user_id: f.memberId }],
    expect: signedIn,
    async effect(f, callerId) {
      expect(await db.userBlock.count({ where: { blockerId: callerId, blockedId: f.memberId } })).toBe(1);
    },
  },
  {
    file: BLOCKS,
    name: "unblockUserAction",
    args: (f) => [{ user_id: f.memberId }],
    expect: signedIn,
    async effect(f, callerId) {
      expect(await db.userBlock.count({ where: { blockerId: callerId, blockedId: f.memberId } })).toBe(0);
    },
  },
];
