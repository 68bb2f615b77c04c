// Hostile input over every server action (found at test time: every export of every
// "use server" module), called in-process inside Next's request scope with a real session
// cookie. Each call must resolve, within a time limit, to a typed ActionResult: ok with valid
// data, or a refusal with a client error code (never a throw, never `internal`/`unavailable`),
// and a refused call must change nothing in the database.
import { asCaller } from "@/tests/support/next-scope";
import fc from "fast-check";
import * as v from "valibot";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { sendMessage } from "@/lib/chat/send";
import { makeRoom, makeUser } from "@/tests/support/factories";
import type { Caller } from "@/tests/support/http";
import { attachmentFixture } from "@/tests/support/attachments";
import { dbFingerprint, type Fingerprint } from "@/tests/support/db-fingerprint";
import {
  FUZZ_SEED,
  FuzzTally,
  fuzzParameters,
  within,
  hostileHeader,
  hostileNumber,
  hostileString,
  hostileValue,
  label,
  TWO_MB,
} from "@/tests/support/hostile-input";
import { actionResultSchema, membersChangeSchema, wireMessageSchema, wireRoomSchema, wireSettingsSchema } from "@/lib/wire/rest";
import { serverActions } from "@/tests/integration/authz/action-modules";
import type { Role } from "@/tests/integration/authz/route-table";
import { delivered } from "@/tests/support/delivered";
import { deviceKeys, subscribedEndpoint } from "@/tests/support/push";

type Fixture = {
  participantId: number;
  memberId: number;
  strangerId: number;
  deactivatedId: number;
  adminId: number;
  roomId: number;
  otherRoomId: number;
  messageId: number;
  /** The participant's own messages in `room`, theirs to edit and delete. */
  ownMessageId: number;
  ownMessageId2: number;
  targetId: number;
  targetMessageId: number;
  /** The participant's finished photo in `room`, not sent yet: the first send that names it takes it. */
  readyAttachmentId: string;
  /** Web Push endpoints the participant subscribed, theirs to remove. */
  pushEndpoints: string[];
  /** An open report (of the target's message) to resolve, and a suspension (of the deactivated user) to lift. */
  reportId: number;
  suspensionId: number;
};
type Call = { caller: Role | null; args: unknown[]; ip: string };
type Spec = {
  /** Who calls it in the fuzz, so that most calls get past the door and the input is what is tested. */
  caller: Role;
  args: (f: Fixture) => fc.Arbitrary<unknown[]>;
  data: v.GenericSchema;
  /** For an ok answer: the database agrees with what the action said it did. */
  verify?: (data: never, args: unknown[], callerId: number) => Promise<void>;
};

const ACTIONS = await serverActions();
const RUNS = 60;
const CALL_LIMIT_MS = 10_000;

const w = <T>(weight: number, arbitrary: fc.Arbitrary<T>) => ({ weight, arbitrary });
/** Anything hostile in place of a field's value. */
const hostileField = fc.oneof(hostileString, hostileNumber, hostileValue);
const key = fc.constantFrom("__proto__", "constructor", "prototype", "room_id", "content", "kind", "role", "user_id", "extra");
/**
 * An object with these valid fields, then, most of the time, one or two fields replaced by
 * hostile values, some dropped, or hostile extra keys: both the success path and each refusal
 * get explored.
 */
const object = (valid: Record<string, fc.Arbitrary<unknown>>) => {
  const names = Object.keys(valid);
  return fc
    .tuple(
      fc.record(valid),
      fc.oneof(
        w(2, fc.constant({})),
        w(3, fc.dictionary(fc.constantFrom(...names), hostileField, { maxKeys: 2 })),
        w(1, fc.dictionary(key, hostileValue, { maxKeys: 2 })),
      ),
      fc.oneof(w(5, fc.constant<string[]>([])), w(1, fc.subarray(names, { minLength: 1 }))),
    )
    .map(([v, replaced, dropped]) => {
      const out: Record<string, unknown> = { ...v, ...replaced };
      for (const name of dropped) delete out[name];
      return out;
    });
};
const text = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9 .,!?]{0,30}$/);
const anyOf = (f: Fixture, ...ids: Array<keyof Fixture>) => fc.constantFrom(...ids.map((k) => f[k]));
/** Message text with mention tokens: members, strangers, the deactivated, and malformed or out-of-range ids. */
const mentioning = (f: Fixture) =>
  fc
    .array(
      fc.oneof(
        text,
        anyOf(f, "participantId", "memberId", "strangerId", "deactivatedId", "adminId").map((id) => `<@${id}>`),
        fc.constantFrom("<@0>", "<@2147483648>", "<@99999999999>", "<@-1>", "<@1e3>", "<@ 1>", "<@@1>", "<@>", "<@01>", "<@<@1>>"),
      ),
      { minLength: 1, maxLength: 6 },
    )
    .map((parts) => parts.join(" "));
const messageText = (f: Fixture) => fc.oneof(w(3, text), w(2, mentioning(f)));
/** The mentions an answer lists are exactly the rows recorded, and every one is a member of the room. */
async function expectMentionsRecorded(data: v.InferOutput<typeof wireMessageSchema>) {
  const rows = await db.messageMention.findMany({ where: { messageId: BigInt(data.id) }, orderBy: { userId: "asc" } });
  expect(rows.map((r) => r.userId)).toEqual((data.mentions ?? []).map((m) => m.id));
  const members = await db.chatParticipant.count({ where: { roomId: data.room_id, userId: { in: rows.map((r) => r.userId) } } });
  expect(members).toBe(rows.length);
}
/** The two arguments React passes a form action: the previous state and the FormData. */
const formAction = (fields: (f: Fixture) => Record<string, fc.Arbitrary<string>>) => (f: Fixture) => {
  const names = Object.keys(fields(f));
  const form = fc
    .tuple(
      fc.record(fields(f), { requiredKeys: [] }),
      fc.array(fc.tuple(fc.oneof(fc.constantFrom(...names, "$ACTION_ID_x", "__proto__"), hostileString), hostileString), { maxLength: 2 }),
    )
    .map(([a, extra]) => {
      const data = new FormData();
      for (const [k, v] of Object.entries(a) as Array<[string, string]>) data.append(k, v);
      for (const [k, v] of extra) data.append(k, v);
      return data;
    });
  // A hostile client can post any serializable value where the FormData belongs.
  return fc.tuple(fc.oneof(w(4, fc.constant(null)), w(1, hostileValue)), fc.oneof(w(4, form), w(1, hostileValue)));
};
/** The value a form action reads for `name`: the last text entry of that name (as formFields does). */
const field = (args: unknown[], name: string) => {
  const values = (args[1] as FormData).getAll(name).filter((v) => typeof v === "string");
  return values.at(-1);
};
const idText = (f: Fixture, ...ids: Array<keyof Fixture>) => fc.oneof(w(3, anyOf(f, ...ids).map(String)), w(2, hostileString));

const reportReason = fc.oneof(w(4, fc.constantFrom("harassment", "spam", "scam", "safety", "other")), w(1, hostileString));
const noteText = fc.oneof(w(3, fc.constantFrom("fuzz", "漢字の説明", "🙂🙂", "مرحبا بكم")), w(2, hostileString));

const SPECS: Record<string, Spec> = {
  reportAction: {
    caller: "participant",
    args: (f) =>
      fc.tuple(
        fc.oneof(
          w(3, object({ message_id: anyOf(f, "messageId", "targetMessageId", "ownMessageId"), reason: reportReason, note: noteText })),
          w(
            2,
            object({ user_id: anyOf(f, "memberId", "targetId", "participantId"), room_id: anyOf(f, "roomId", "otherRoomId"), reason: reportReason }),
          ),
          w(1, hostileValue),
        ),
      ),
    data: v.object({ id: v.number(), reason: v.string(), status: v.literal("open") }),
    async verify(data: { id: number }, _args, callerId) {
      expect((await db.report.findUniqueOrThrow({ where: { id: data.id } })).reporterId).toBe(callerId);
    },
  },
  resolveReportAction: {
    caller: "admin",
    args: formAction((f) => ({
      report_id: idText(f, "reportId"),
      action: fc.oneof(w(3, fc.constantFrom("dismiss", "delete_message", "warn", "suspend")), w(1, hostileString)),
      duration: fc.oneof(w(3, fc.constantFrom("24h", "7d", "until_lifted", "")), w(1, hostileString)),
      note: noteText,
    })),
    data: v.pipe(v.string(), v.minLength(1)),
    async verify(_data, args) {
      expect((await db.report.findUniqueOrThrow({ where: { id: Number(field(args, "report_id")) } })).status).toBe("resolved");
    },
  },
  suspendUserAction: {
    caller: "admin",
    args: formAction((f) => ({
      user_id: idText(f, "targetId", "deactivatedId", "adminId"),
      duration: fc.oneof(w(3, fc.constantFrom("24h", "7d", "until_lifted")), w(1, hostileString)),
      note: noteText,
    })),
    data: v.pipe(v.string(), v.minLength(1)),
    async verify(_data, args) {
      expect(await db.userSuspension.count({ where: { userId: Number(field(args, "user_id")), liftedAt: null } })).toBeGreaterThan(0);
    },
  },
  liftSuspensionAction: {
    caller: "admin",
    args: formAction((f) => ({ suspension_id: idText(f, "suspensionId"), note: noteText })),
    data: v.pipe(v.string(), v.minLength(1)),
    async verify(_data, args) {
      expect((await db.userSuspension.findUniqueOrThrow({ where: { id: Number(field(args, "suspension_id")) } })).liftedAt).not.toBeNull();
    },
  },
  sendMessageAction: {
    caller: "participant",
    args: (f) =>
      fc.tuple(
        fc.oneof(
          w(
            5,
            object({
              room_id: anyOf(f, "roomId", "roomId", "otherRoomId"),
              content: messageText(f),
              client_id: fc.uuid({ version: 4 }),
              attachment_ids: fc.array(fc.oneof(fc.constant(f.readyAttachmentId), fc.uuid({ version: 4 })), { maxLength: 3 }),
            }),
          ),
          // A reply: to a message of the room, or of another room (refused).
          w(
            3,
            object({
              room_id: anyOf(f, "roomId", "roomId", "otherRoomId"),
              content: text,
              client_id: fc.uuid({ version: 4 }),
              reply_to_id: anyOf(f, "messageId", "ownMessageId", "targetMessageId"),
            }),
          ),
          w(1, hostileValue),
        ),
      ),
    data: wireMessageSchema,
    async verify(data: v.InferOutput<typeof wireMessageSchema>, _args, callerId) {
      const row = await db.message.findUniqueOrThrow({ where: { id: data.id }, include: { replyTo: true } });
      expect({ room: row.roomId, sender: row.senderId, content: row.content, replyTo: row.replyToId }).toEqual({
        room: data.room_id,
        sender: callerId,
        content: data.content,
        replyTo: data.reply_to ? BigInt(data.reply_to.id) : null,
      });
      // A reply only ever quotes a message of its own room.
      if (row.replyTo) expect(row.replyTo.roomId).toBe(row.roomId);
      await expectMentionsRecorded(data);
    },
  },
  markReadAction: {
    caller: "participant",
    args: (f) =>
      fc.tuple(
        fc.oneof(
          w(5, object({ room_id: anyOf(f, "roomId", "roomId", "otherRoomId"), up_to_id: anyOf(f, "messageId", "targetMessageId") })),
          w(1, hostileValue),
        ),
      ),
    data: wireRoomSchema,
    async verify(data: v.InferOutput<typeof wireRoomSchema>, args, callerId) {
      const read = await db.chatParticipant.findUniqueOrThrow({ where: { roomId_userId: { roomId: data.id, userId: callerId } } });
      expect(Number(read.lastReadMessageId)).toBeGreaterThanOrEqual((args[0] as { up_to_id: number }).up_to_id);
      expect(read.unreadCount).toBe(data.unread_count);
    },
  },
  editMyMessageAction: {
    caller: "participant",
    args: (f) =>
      fc.tuple(
        fc.oneof(
          w(
            5,
            object({
              room_id: anyOf(f, "roomId", "roomId", "otherRoomId"),
              message_id: anyOf(f, "ownMessageId", "ownMessageId2", "messageId", "targetMessageId"),
              content: messageText(f),
            }),
          ),
          w(1, hostileValue),
        ),
      ),
    data: wireMessageSchema,
    async verify(data: v.InferOutput<typeof wireMessageSchema>, _args, callerId) {
      const row = await db.message.findUniqueOrThrow({ where: { id: data.id } });
      expect({ room: row.roomId, sender: row.senderId, content: row.content, deleted: row.deletedAt }).toEqual({
        room: data.room_id,
        sender: callerId,
        content: data.content,
        deleted: null,
      });
      await expectMentionsRecorded(data);
    },
  },
  deleteMyMessageAction: {
    caller: "participant",
    args: (f) =>
      fc.tuple(
        fc.oneof(
          // Mostly others' messages: each own message can be deleted once, then the rest is refused or a no-op.
          w(5, object({ room_id: anyOf(f, "roomId", "otherRoomId"), message_id: anyOf(f, "ownMessageId2", "messageId", "targetMessageId") })),
          w(1, hostileValue),
        ),
      ),
    data: v.strictObject({ id: v.number(), room_id: v.number() }),
    async verify(data: { id: number; room_id: number }, _args, callerId) {
      const row = await db.message.findUniqueOrThrow({ where: { id: data.id } });
      expect({ room: row.roomId, sender: row.senderId, deleted: row.deletedAt !== null }).toEqual({
        room: data.room_id,
        sender: callerId,
        deleted: true,
      });
    },
  },
  createRoomAction: {
    caller: "participant",
    args: (f) =>
      fc.tuple(
        fc.oneof(
          w(2, object({ kind: fc.constant("DIRECT"), user_id: anyOf(f, "memberId", "strangerId", "participantId", "deactivatedId") })),
          w(
            2,
            object({
              kind: fc.constant("GROUP"),
              name: text,
              member_ids: fc.array(fc.oneof(w(4, anyOf(f, "memberId", "strangerId", "deactivatedId", "participantId")), w(1, hostileNumber)), {
                maxLength: 4,
              }),
            }),
          ),
          w(1, hostileValue),
        ),
      ),
    data: wireRoomSchema,
    async verify(data: v.InferOutput<typeof wireRoomSchema>, _args, callerId) {
      expect(await db.chatParticipant.count({ where: { roomId: data.id, userId: callerId } })).toBe(1);
    },
  },
  removeMemberAction: {
    // The participant owns `room`; the fixture's other callers need their rows, so the ids that
    // can succeed are the deactivated member's (owner removes them) and the caller's own (leaves
    // the other room, where they are not: not_found).
    caller: "participant",
    args: (f) =>
      fc.tuple(
        fc.oneof(
          w(5, object({ room_id: anyOf(f, "roomId", "otherRoomId"), user_id: anyOf(f, "deactivatedId", "strangerId", "targetId") })),
          w(1, hostileValue),
        ),
      ),
    data: membersChangeSchema,
    async verify(data: v.InferOutput<typeof membersChangeSchema>, args) {
      const removed = (args[0] as { user_id: number }).user_id;
      expect(await db.chatParticipant.count({ where: { roomId: data.room_id, userId: removed } })).toBe(0);
      expect(data.members.map((m) => m.id)).not.toContain(removed);
    },
  },
  updateSettingsAction: {
    caller: "participant",
    args: () =>
      fc.tuple(
        fc.oneof(
          w(
            5,
            object({
              read_receipts: fc.boolean(),
              notify_email: fc.boolean(),
              notify_email_delay_minutes: fc.integer({ min: 1, max: 1440 }),
              notify_hide_previews: fc.boolean(),
              notify_mentions_when_muted: fc.boolean(),
            }),
          ),
          w(1, hostileValue),
        ),
      ),
    data: wireSettingsSchema,
    async verify(data: v.InferOutput<typeof wireSettingsSchema>, args, callerId) {
      const user = await db.user.findUniqueOrThrow({ where: { id: callerId } });
      const stored = {
        read_receipts: user.readReceipts,
        notify_email: user.notifyEmail,
        notify_email_delay_minutes: user.notifyEmailDelayMinutes,
        notify_hide_previews: user.notifyHidePreviews,
        notify_mentions_when_muted: user.notifyMentionsWhenMuted,
      };
      expect(data).toEqual(stored);
      // Whatever was given is what is stored now.
      expect(stored).toMatchObject(args[0] as object);
    },
  },
  blockUserAction: {
    caller: "participant",
    args: (f) =>
      fc.tuple(
        fc.oneof(w(5, object({ user_id: anyOf(f, "memberId", "strangerId", "participantId", "deactivatedId", "adminId") })), w(1, hostileValue)),
      ),
    data: v.object({ id: v.number(), username: v.string(), name: v.string(), blocked_at: v.string() }),
    async verify(data: { id: number }, _args, callerId) {
      expect(data.id).not.toBe(callerId);
      expect(await db.userBlock.count({ where: { blockerId: callerId, blockedId: data.id } })).toBe(1);
    },
  },
  unblockUserAction: {
    caller: "participant",
    args: (f) => fc.tuple(fc.oneof(w(5, object({ user_id: anyOf(f, "memberId", "strangerId", "participantId") })), w(1, hostileValue))),
    data: v.object({ id: v.number() }),
    async verify(data: { id: number }, _args, callerId) {
      expect(await db.userBlock.count({ where: { blockerId: callerId, blockedId: data.id } })).toBe(0);
    },
  },
  muteRoomAction: {
    caller: "participant",
    args: (f) =>
      fc.tuple(
        fc.oneof(
          w(5, object({ room_id: anyOf(f, "roomId", "roomId", "otherRoomId"), duration: fc.constantFrom("1h", "8h", "until_unmuted", "off") })),
          w(1, hostileValue),
        ),
      ),
    data: wireRoomSchema,
    async verify(data: v.InferOutput<typeof wireRoomSchema>, args, callerId) {
      const row = await db.chatParticipant.findUniqueOrThrow({ where: { roomId_userId: { roomId: data.id, userId: callerId } } });
      const off = (args[0] as { duration: string }).duration === "off";
      expect(row.mutedUntil === null).toBe(off);
      expect(data.muted_until ?? null).toBe(row.mutedUntil?.toISOString() ?? null);
    },
  },
  savePushSubscriptionAction: {
    caller: "participant",
    args: () =>
      fc.tuple(
        fc.oneof(
          w(
            5,
            object({
              endpoint: fc.oneof(
                w(
                  3,
                  fc.stringMatching(/^[a-z0-9]{4,20}$/).map((path) => `https://8.8.8.8/push/${path}`),
                ),
                w(1, fc.constantFrom("https://127.0.0.1/push", "http://8.8.8.8/push", "https://[::1]/p", "https://169.254.169.254/")),
              ),
              keys: fc.constant(null).map(() => {
                const keys = deviceKeys();
                return { p256dh: keys.p256dh, auth: keys.auth };
              }),
            }),
          ),
          w(1, hostileValue),
        ),
      ),
    data: v.strictObject({ endpoint: v.string() }),
    async verify(data: { endpoint: string }, _args, callerId) {
      expect((await db.pushSubscription.findUniqueOrThrow({ where: { endpoint: data.endpoint } })).userId).toBe(callerId);
    },
  },
  deletePushSubscriptionAction: {
    caller: "participant",
    args: (f) => fc.tuple(fc.oneof(w(5, object({ endpoint: fc.constantFrom(...f.pushEndpoints) })), w(1, hostileValue))),
    data: v.strictObject({ endpoint: v.string() }),
    async verify(data: { endpoint: string }) {
      expect(await db.pushSubscription.count({ where: { endpoint: data.endpoint } })).toBe(0);
    },
  },
  registerAction: {
    caller: "anonymous",
    args: () =>
      fc.tuple(
        fc.oneof(
          w(
            5,
            object({
              username: fc.stringMatching(/^[a-z0-9_]{3,16}$/),
              email: fc.stringMatching(/^[a-z0-9]{1,12}@[a-z]{1,8}\.example$/),
              name: text,
              password: fc.string({ minLength: 8, maxLength: 20 }),
            }),
          ),
          w(1, hostileValue),
        ),
      ),
    data: v.strictObject({ username: v.pipe(v.string(), v.regex(/^[a-z0-9_]{3,30}$/)) }),
    async verify(data: { username: string }) {
      expect(await db.user.count({ where: { username: data.username } })).toBe(1);
    },
  },
  requestPasswordResetAction: {
    caller: "anonymous",
    args: () => fc.tuple(fc.oneof(w(5, object({ email: fc.stringMatching(/^[a-z0-9]{1,12}@[a-z]{1,8}\.example$/) })), w(1, hostileValue))),
    data: v.strictObject({ message: v.string() }),
  },
  resetPasswordAction: {
    caller: "anonymous",
    args: () =>
      fc.tuple(
        fc.oneof(
          w(5, object({ token: fc.stringMatching(/^[A-Za-z0-9_-]{43}$/), password: fc.string({ minLength: 8, maxLength: 30 }) })),
          w(1, hostileValue),
        ),
      ),
    data: v.strictObject({ message: v.string() }),
  },
  resendVerificationAction: {
    caller: "participant",
    args: () => fc.oneof(w(3, fc.constant<unknown[]>([])), w(1, fc.tuple(hostileValue))),
    data: v.strictObject({ message: v.string() }),
  },
  unsubscribeAction: {
    caller: "anonymous",
    args: () => fc.tuple(fc.oneof(w(5, object({ token: fc.stringMatching(/^\d{1,6}\.\d{10}\.[A-Za-z0-9_-]{43}$/) })), w(1, hostileValue))),
    data: v.strictObject({ message: v.string() }),
  },
  deleteMessageAction: {
    caller: "admin",
    args: formAction((f) => ({ message_id: idText(f, "targetMessageId", "messageId"), reason: hostileString })),
    data: v.pipe(v.string(), v.minLength(1)),
    async verify(_data, args) {
      const id = Number(field(args, "message_id"));
      expect((await db.message.findUniqueOrThrow({ where: { id } })).deletedAt).not.toBeNull();
      expect(await db.auditLog.count({ where: { action: "message.delete", targetId: id } })).toBe(1);
    },
  },
  deactivateUserAction: {
    caller: "admin",
    args: formAction((f) => ({ user_id: idText(f, "targetId", "adminId") })),
    data: v.pipe(v.string(), v.minLength(1)),
    async verify(_data, args) {
      expect((await db.user.findUniqueOrThrow({ where: { id: Number(field(args, "user_id")) } })).isActive).toBe(false);
    },
  },
  reactivateUserAction: {
    caller: "admin",
    args: formAction((f) => ({ user_id: idText(f, "targetId", "adminId") })),
    data: v.pipe(v.string(), v.minLength(1)),
    async verify(_data, args) {
      expect((await db.user.findUniqueOrThrow({ where: { id: Number(field(args, "user_id")) } })).isActive).toBe(true);
    },
  },
  changeRoomOwnerAction: {
    caller: "admin",
    args: formAction((f) => ({ room_id: idText(f, "otherRoomId", "roomId"), user_id: idText(f, "targetId", "strangerId") })),
    data: v.pipe(v.string(), v.minLength(1)),
    async verify(_data, args) {
      const roomId = Number(field(args, "room_id"));
      expect((await db.chatRoom.findUniqueOrThrow({ where: { id: roomId } })).ownerId).toBe(Number(field(args, "user_id")));
    },
  },
  changeRoleAction: {
    caller: "admin",
    args: formAction((f) => ({
      user_id: idText(f, "targetId", "adminId"),
      role: fc.oneof(w(3, fc.constantFrom("USER", "ADMIN")), w(1, hostileString)),
    })),
    data: v.pipe(v.string(), v.minLength(1)),
    async verify(_data, args) {
      expect((await db.user.findUniqueOrThrow({ where: { id: Number(field(args, "user_id")) } })).role).toBe(field(args, "role"));
    },
  },
};

const tally = new FuzzTally();
const failures = { serverErrors: 0, threw: 0, hung: 0, changedOnRefusal: 0 };

describe("hostile input over every server action", () => {
  let fixture: Fixture;
  let callers: Record<Role, Caller>;
  let last: Fingerprint;
  let ipSeq = 0;
  const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort();

  beforeAll(async () => {
    const [participant, member, stranger, deactivated, admin, target] = await Promise.all([
      makeUser(),
      makeUser(),
      makeUser(),
      makeUser({ isActive: false }),
      makeUser({ role: "ADMIN" }),
      makeUser(),
    ]);
    const room = await makeRoom([participant.id, member.id, deactivated.id]);
    const otherRoom = await makeRoom([member.id, target.id]);
    const message = await delivered(sendMessage({ userId: member.id, roomId: room.id, content: "fuzz", clientId: crypto.randomUUID() }));
    const targetMessage = await delivered(
      sendMessage({ userId: target.id, roomId: otherRoom.id, content: "moderate me", clientId: crypto.randomUUID() }),
    );
    const own = await delivered(sendMessage({ userId: participant.id, roomId: room.id, content: "mine", clientId: crypto.randomUUID() }));
    const own2 = await delivered(sendMessage({ userId: participant.id, roomId: room.id, content: "mine too", clientId: crypto.randomUUID() }));
    callers = { anonymous: null, participant, stranger, deactivated, admin };
    fixture = {
      participantId: participant.id,
      memberId: member.id,
      strangerId: stranger.id,
      deactivatedId: deactivated.id,
      adminId: admin.id,
      roomId: room.id,
      otherRoomId: otherRoom.id,
      messageId: message.message.id,
      ownMessageId: own.message.id,
      ownMessageId2: own2.message.id,
      targetId: target.id,
      targetMessageId: targetMessage.message.id,
      readyAttachmentId: (await attachmentFixture({ roomId: room.id, uploaderId: participant.id, messageId: null })).attachmentId,
      pushEndpoints: await Promise.all([participant.id, participant.id, participant.id, member.id].map(subscribedEndpoint)),
      reportId: Number(
        (await db.report.create({ data: { reporterId: member.id, reportedUserId: target.id, messageId: targetMessage.message.id, reason: "spam" } }))
          .id,
      ),
      suspensionId: Number((await db.userSuspension.create({ data: { userId: deactivated.id, reason: "fuzz", endsAt: null } })).id),
    };
    last = await dbFingerprint();
  });

  afterAll(() => {
    // One JSON line of totals for the reliability report (requests, outcomes, failures).
    console.log(
      JSON.stringify({
        fuzz_actions: {
          seed: FUZZ_SEED,
          actions: ACTIONS.length,
          calls: tally.total,
          outcomes: tally.outcomeTable(),
          server_errors: failures.serverErrors,
          threw: failures.threw,
          hung: failures.hung,
          changed_on_refusal: failures.changedOnRefusal,
          per_action: tally.targetTable(),
        },
      }),
    );
  });

  it("every exported server action has a fuzz spec", () => {
    expect(ACTIONS.length).toBeGreaterThanOrEqual(8);
    expect(ACTIONS.map((a) => a.name).sort()).toEqual(Object.keys(SPECS).sort());
  });

  ACTIONS.forEach((action, index) => {
    const spec = SPECS[action.name];
    it(`${action.file}: ${action.name}`, async () => {
      expect(spec, `${action.name} has no fuzz spec`).toBeDefined();
      const schema = actionResultSchema(spec.data);
      const call = fc.record({
        caller: fc.oneof(w(5, fc.constant(null)), w(1, fc.constantFrom<Role>("anonymous", "participant", "stranger", "deactivated", "admin"))),
        args: spec.args(fixture),
        ip: fc.oneof(w(4, fc.constant("")), w(1, hostileHeader)),
      });
      const examples: Array<[Call]> = [
        [{ caller: null, args: [], ip: "" }],
        [{ caller: null, args: [TWO_MB, TWO_MB], ip: "" }],
        [
          {
            caller: null,
            args: [{ room_id: fixture.roomId, content: TWO_MB, client_id: crypto.randomUUID(), name: TWO_MB, kind: "GROUP", username: TWO_MB }],
            ip: "",
          },
        ],
        [
          {
            caller: null,
            args: [JSON.parse('{"__proto__":{"role":"ADMIN"},"room_id":1}'), JSON.parse('{"constructor":{"prototype":{"x":1}}}')],
            ip: "",
          },
        ],
      ];
      await fc.assert(
        fc.asyncProperty(call, async ({ caller, args, ip }) => {
          const role = caller ?? spec.caller;
          const forwardedFor = ip || `10.${(ipSeq >> 16) & 255}.${(ipSeq >> 8) & 255}.${ipSeq++ & 255}`;
          const outcome = await within(
            asCaller(callers[role], () => (action.fn as (...a: unknown[]) => Promise<unknown>)(...args), {
              headers: { "x-forwarded-for": forwardedFor },
            }).then(
              (r) => ({ result: r.value }),
              (error: unknown) => ({ threw: error }),
            ),
            CALL_LIMIT_MS,
          );
          const what = () => `${action.name} as ${role}: ${label(args)}`;
          if (outcome === "hung") {
            failures.hung += 1;
            tally.add(action.name, "hung");
            expect.fail(`hung: ${what()}`);
          }
          if ("threw" in outcome) {
            failures.threw += 1;
            tally.add(action.name, "threw");
            expect.fail(`threw ${String(outcome.threw)}: ${what()}`);
          }
          const result = outcome.result as { ok: boolean; data?: unknown; error?: { code: string } };
          const code = result?.ok === true ? "ok" : String(result?.error?.code);
          tally.add(action.name, code);
          if (code === "internal" || code === "unavailable") failures.serverErrors += 1;
          const parsed = v.safeParse(schema, result);
          if (!parsed.success)
            expect.fail(`not a typed ActionResult with a client error code: ${what()} → ${label(result)}: ${parsed.issues[0]?.message}`);
          const now = await dbFingerprint();
          if (result.ok) {
            await spec.verify?.(result.data as never, args, callers[role]?.id ?? 0);
          } else if (JSON.stringify(now) !== JSON.stringify(last)) {
            failures.changedOnRefusal += 1;
            expect(now, `a refused call changed the database: ${what()} → ${label(result)}`).toEqual(last);
          }
          last = now;
        }),
        { ...fuzzParameters<[Call]>(100 + index, RUNS), examples },
      );
    }, 60_000);
  });

  it("no argument polluted Object.prototype", () => {
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeKeys);
    expect(({} as Record<string, unknown>).role).toBeUndefined();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
