// Every route handler and method, with what each kind of caller must get. The matrix test
// fails when a route file exports a method that is not listed here.
import type { NextRequest } from "next/server";
import { deviceKeys, subscriptionBody } from "@/tests/support/push";

export type Role = "anonymous" | "stranger" | "participant" | "deactivated" | "admin";
export type Fixture = {
  roomId: number;
  jobId: number;
  memberId: number;
  /** A message the participant sent in the room, just now. */
  messageId: number;
  socketId: string;
  /** The participant's upload in the room, bytes stored, not completed: its id and the local PUT's token. */
  uploadId: string;
  uploadToken: string;
  /** A photo on the participant's message. */
  attachmentId: string;
  /** A Web Push endpoint the participant subscribed. */
  pushEndpoint: string;
};
export type RouteCase = {
  file: string;
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  path: (f: Fixture) => string;
  params: (f: Fixture) => Record<string, string>;
  body?: (f: Fixture) => { json?: unknown; form?: Record<string, string> };
  expect: Record<Role, number>;
  /** Names a second case of the same method and file (another query or body). */
  variant?: string;
};

const room = (f: Fixture) => ({ roomId: String(f.roomId) });
const everyone = (status: number): Record<Role, number> => ({
  anonymous: status,
  stranger: status,
  participant: status,
  deactivated: status,
  admin: status,
});
// Room-scoped: anonymous 401, outsiders 404 (the room's existence is not revealed).
const roomScoped = (ok: number): Record<Role, number> => ({ anonymous: 401, stranger: 404, participant: ok, deactivated: 401, admin: 404 });
const signedIn = (ok: number): Record<Role, number> => ({ anonymous: 401, stranger: ok, participant: ok, deactivated: 401, admin: ok });

export const ROUTES: RouteCase[] = [
  { file: "chat/rooms", method: "GET", path: () => "/api/chat/rooms", params: () => ({}), expect: signedIn(200) },
  {
    file: "chat/rooms",
    method: "POST",
    path: () => "/api/chat/rooms",
    params: () => ({}),
    body: () => ({ json: { kind: "GROUP", name: "Matrix", member_ids: [] } }),
    expect: signedIn(201),
  },
  { file: "chat/rooms/[roomId]", method: "GET", path: (f) => `/api/chat/rooms/${f.roomId}`, params: room, expect: roomScoped(200) },
  { file: "chat/rooms/[roomId]/messages", method: "GET", path: (f) => `/api/chat/rooms/${f.roomId}/messages`, params: room, expect: roomScoped(200) },
  {
    file: "chat/rooms/[roomId]/messages",
    method: "GET",
    path: (f) => `/api/chat/rooms/${f.roomId}/messages?around=${f.messageId}&limit=10`,
    params: room,
    variant: "around",
    expect: roomScoped(200),
  },
  {
    file: "chat/rooms/[roomId]/messages",
    method: "POST",
    path: (f) => `/api/chat/rooms/${f.roomId}/messages`,
    params: room,
    body: () => ({ json: { content: "matrix", client_id: crypto.randomUUID() } }),
    expect: roomScoped(201),
  },
  {
    file: "chat/rooms/[roomId]/messages",
    method: "POST",
    path: (f) => `/api/chat/rooms/${f.roomId}/messages`,
    params: room,
    body: (f) => ({ json: { content: "matrix reply", client_id: crypto.randomUUID(), reply_to_id: f.messageId } }),
    variant: "reply",
    expect: roomScoped(201),
  },
  {
    file: "chat/rooms/[roomId]/messages/[messageId]",
    method: "PATCH",
    path: (f) => `/api/chat/rooms/${f.roomId}/messages/${f.messageId}`,
    params: (f) => ({ roomId: String(f.roomId), messageId: String(f.messageId) }),
    body: () => ({ json: { content: "matrix edit" } }),
    // Other members get 403 (not their message): tests/integration/chat/edit-delete.test.ts.
    expect: roomScoped(200),
  },
  {
    file: "chat/rooms/[roomId]/messages/[messageId]",
    method: "DELETE",
    path: (f) => `/api/chat/rooms/${f.roomId}/messages/${f.messageId}`,
    params: (f) => ({ roomId: String(f.roomId), messageId: String(f.messageId) }),
    expect: roomScoped(204),
  },
  {
    file: "chat/rooms/[roomId]/read",
    method: "POST",
    path: (f) => `/api/chat/rooms/${f.roomId}/read`,
    params: room,
    body: () => ({ json: { up_to_id: 1 } }),
    expect: roomScoped(200),
  },
  { file: "chat/rooms/[roomId]/receipts", method: "GET", path: (f) => `/api/chat/rooms/${f.roomId}/receipts`, params: room, expect: roomScoped(200) },
  { file: "chat/me/settings", method: "GET", path: () => "/api/chat/me/settings", params: () => ({}), expect: signedIn(200) },
  { file: "chat/me/blocks", method: "GET", path: () => "/api/chat/me/blocks", params: () => ({}), expect: signedIn(200) },
  {
    file: "chat/me/blocks",
    method: "POST",
    path: () => "/api/chat/me/blocks",
    params: () => ({}),
    body: (f) => ({ json: { user_id: f.memberId } }),
    expect: signedIn(201),
  },
  {
    file: "chat/me/blocks/[userId]",
    method: "DELETE",
    path: (f) => `/api/chat/me/blocks/${f.memberId}`,
    params: (f) => ({ userId: String(f.memberId) }),
    expect: signedIn(204),
  },
  {
    file: "chat/me/settings",
    method: "PATCH",
    path: () => "/api/chat/me/settings",
    params: () => ({}),
    body: () => ({ json: { read_receipts: true } }),
    expect: signedIn(200),
  },
  {
    file: "chat/rooms/[roomId]/mute",
    method: "PUT",
    path: (f) => `/api/chat/rooms/${f.roomId}/mute`,
    params: room,
    body: () => ({ json: { duration: "1h" } }),
    expect: roomScoped(200),
  },
  {
    file: "chat/me/settings",
    method: "PATCH",
    path: () => "/api/chat/me/settings",
    params: () => ({}),
    body: () => ({ json: { notify_email: false, notify_email_delay_minutes: 60, notify_hide_previews: true } }),
    expect: signedIn(200),
  },
  {
    file: "chat/me/push-subscriptions",
    method: "POST",
    path: () => "/api/chat/me/push-subscriptions",
    params: () => ({}),
    body: () => ({ json: subscriptionBody(`https://8.8.8.8/push/${crypto.randomUUID()}`, deviceKeys()) }),
    expect: signedIn(201),
  },
  // The participant's own device; anyone else's DELETE finds nothing to remove.
  {
    file: "chat/me/push-subscriptions",
    method: "DELETE",
    path: () => "/api/chat/me/push-subscriptions",
    params: () => ({}),
    body: (f) => ({ json: { endpoint: f.pushEndpoint } }),
    expect: { anonymous: 401, stranger: 404, participant: 204, deactivated: 401, admin: 404 },
  },
  { file: "chat/rooms/[roomId]/members", method: "GET", path: (f) => `/api/chat/rooms/${f.roomId}/members`, params: room, expect: roomScoped(200) },
  {
    file: "chat/rooms/[roomId]/members",
    method: "POST",
    path: (f) => `/api/chat/rooms/${f.roomId}/members`,
    params: room,
    body: (f) => ({ json: { user_ids: [f.memberId] } }),
    expect: roomScoped(200),
  },
  {
    file: "chat/rooms/[roomId]/members/[userId]",
    method: "DELETE",
    path: (f) => `/api/chat/rooms/${f.roomId}/members/${f.memberId}`,
    params: (f) => ({ roomId: String(f.roomId), userId: String(f.memberId) }),
    // The participant owns the group (tests/support/factories.ts makeRoom); non-owners: 403.
    expect: roomScoped(204),
  },
  {
    file: "chat/jobs/[jobId]/room",
    method: "POST",
    path: (f) => `/api/chat/jobs/${f.jobId}/room`,
    params: (f) => ({ jobId: String(f.jobId) }),
    // Admins may open any job's room (support); strangers learn nothing.
    expect: { anonymous: 401, stranger: 404, participant: 200, deactivated: 401, admin: 200 },
  },
  {
    file: "jobs/[jobId]/assignment",
    method: "POST",
    path: (f) => `/api/jobs/${f.jobId}/assignment`,
    params: (f) => ({ jobId: String(f.jobId) }),
    body: (f) => ({ json: { client_id: f.memberId, cleaner_id: null } }),
    // The marketplace's server door: no session gets in. Unset token here: the door does not
    // exist (404); with it set, a session alone is 401 (tests/integration/jobs/assignment.test.ts).
    expect: everyone(404),
  },
  {
    file: "chat/rooms/[roomId]/uploads",
    method: "POST",
    path: (f) => `/api/chat/rooms/${f.roomId}/uploads`,
    params: room,
    body: () => ({ json: { name: "matrix.pdf", size: 100, content_type: "application/pdf" } }),
    expect: roomScoped(201),
  },
  // The signed token is the permission, as with a presigned S3 URL: whoever holds it may PUT.
  {
    file: "chat/uploads/[uploadId]/content",
    method: "PUT",
    path: (f) => `/api/chat/uploads/${f.uploadId}/content?token=${f.uploadToken}`,
    params: (f) => ({ uploadId: f.uploadId }),
    body: () => ({ json: { not: "a pdf, but bytes all the same" } }),
    expect: everyone(204),
  },
  {
    file: "chat/uploads/[uploadId]/complete",
    method: "POST",
    path: (f) => `/api/chat/uploads/${f.uploadId}/complete`,
    params: (f) => ({ uploadId: f.uploadId }),
    // Only its uploader: other members get 404 too (tests/integration/attachments/uploads.test.ts).
    expect: roomScoped(200),
  },
  {
    file: "chat/uploads/[uploadId]",
    method: "DELETE",
    path: (f) => `/api/chat/uploads/${f.uploadId}`,
    params: (f) => ({ uploadId: f.uploadId }),
    // Only its uploader, only before it is sent (tests/integration/attachments/uploads.test.ts).
    expect: roomScoped(204),
  },
  // Admins may look at a room's photos and files (moderation, the room detail page).
  {
    file: "chat/attachments/[attachmentId]",
    method: "GET",
    path: (f) => `/api/chat/attachments/${f.attachmentId}`,
    params: (f) => ({ attachmentId: f.attachmentId }),
    expect: { ...roomScoped(200), admin: 200 },
  },
  {
    file: "chat/attachments/[attachmentId]/thumb",
    method: "GET",
    path: (f) => `/api/chat/attachments/${f.attachmentId}/thumb`,
    params: (f) => ({ attachmentId: f.attachmentId }),
    expect: { ...roomScoped(200), admin: 200 },
  },
  { file: "chat/unread", method: "GET", path: () => "/api/chat/unread", params: () => ({}), expect: signedIn(200) },
  // Search covers only the caller's rooms: a stranger gets an empty answer, not a refusal.
  { file: "chat/search", method: "GET", path: () => "/api/chat/search?q=matrix", params: () => ({}), expect: signedIn(200) },
  { file: "chat/users", method: "GET", path: () => "/api/chat/users?q=u", params: () => ({}), expect: signedIn(200) },
  {
    file: "pusher/auth",
    method: "POST",
    path: () => "/api/pusher/auth",
    params: () => ({}),
    body: (f) => ({ form: { socket_id: f.socketId, channel_name: `presence-room-${f.roomId}` } }),
    expect: { anonymous: 401, stranger: 403, participant: 200, deactivated: 401, admin: 403 },
  },
  // Signs the connection in as the caller: any active account, for itself only.
  {
    file: "pusher/user-auth",
    method: "POST",
    path: () => "/api/pusher/user-auth",
    params: () => ({}),
    body: (f) => ({ form: { socket_id: f.socketId } }),
    expect: signedIn(200),
  },
  { file: "realtime/config", method: "GET", path: () => "/api/realtime/config", params: () => ({}), expect: everyone(200) },
  // The signed token in the query is the only authority (mail clients post it with no session):
  // a forged one is a 400 for everyone. Genuine and replayed tokens: tests/integration/notify/unsubscribe.test.ts.
  {
    file: "notify/unsubscribe",
    method: "POST",
    path: (f) => `/api/notify/unsubscribe?token=${f.memberId}.${Math.floor(Date.now() / 1000)}.${"A".repeat(43)}`,
    params: () => ({}),
    body: () => ({ form: { "List-Unsubscribe": "One-Click" } }),
    expect: everyone(400),
  },
  // Reporting the participant's message: outsiders cannot see it (404); its sender cannot report it (400).
  {
    file: "chat/reports",
    method: "POST",
    path: () => "/api/chat/reports",
    params: () => ({}),
    body: (f) => ({ json: { message_id: f.messageId, reason: "spam" } }),
    expect: { anonymous: 401, stranger: 404, participant: 400, deactivated: 401, admin: 404 },
  },
  {
    file: "chat/reports",
    method: "POST",
    path: () => "/api/chat/reports",
    params: () => ({}),
    body: (f) => ({ json: { user_id: f.memberId, room_id: f.roomId, reason: "other", note: "matrix" } }),
    variant: "person in a shared room",
    expect: roomScoped(201),
  },
  // Public by design (load balancers call it); 200 while the database and realtime answer.
  { file: "health", method: "GET", path: () => "/api/health", params: () => ({}), expect: everyone(200) },
];

/** Routes outside the matrix, each with the reason. */
export const EXEMPT: Record<string, string> = {
  "auth/[...nextauth]": "next-auth's own endpoints, public by design; hostile input in tests/integration/fuzz/routes.fuzz.test.ts",
  metrics: "bearer METRICS_TOKEN, not a session; covered by tests/integration/admin/metrics.test.ts",
  "cron/outbox": "bearer CRON_SECRET, not a session; covered by tests/integration/outbox/cron-route.test.ts",
  "cron/cleanup": "bearer CRON_SECRET, not a session; covered by tests/integration/attachments/removal.test.ts",
  "cron/notifications": "bearer CRON_SECRET, not a session; covered by tests/integration/notify/digest.test.ts",
  // Admin-only doors have their own matrix (anonymous, user, deactivated admin, admin).
  ...Object.fromEntries(
    [
      "admin/overview",
      "admin/users",
      "admin/users/[userId]/deactivate",
      "admin/users/[userId]/reactivate",
      "admin/users/[userId]/role",
      "admin/rooms",
      "admin/rooms/[roomId]",
      "admin/rooms/[roomId]/owner",
      "admin/rooms/[roomId]/export",
      "admin/messages/[messageId]",
      "admin/messages",
      "admin/audit",
      "admin/reports/[reportId]/resolve",
      "admin/users/[userId]/suspend",
      "admin/suspensions/[suspensionId]/lift",
    ].map((file) => [file, "admin only; covered by tests/integration/admin/access.test.ts"]),
  ),
};

export type Handler = (req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
