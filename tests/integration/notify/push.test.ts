// Web Push through the real doors: a device subscribes (POST /api/chat/me/push-subscriptions),
// someone sends (POST /api/chat/rooms/{id}/messages), and a local push service receives what a
// real one would: an aes128gcm body it cannot read, which the test decrypts with the device's
// private key (RFC 8291) as the browser would. Who is skipped (sender, muted, open tab), hidden
// previews, expired and failing endpoints, and the SSRF refusals.
// Next's request scope must load before anything else of Next (tests/support/next-scope.ts).
import { asCaller } from "@/tests/support/next-scope";
import webpush from "web-push";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DELETE as unsubscribeRoute, POST as subscribeRoute } from "@/app/api/chat/me/push-subscriptions/route";
import { PATCH as settingsRoute } from "@/app/api/chat/me/settings/route";
import { PUT as muteRoute } from "@/app/api/chat/rooms/[roomId]/mute/route";
import { POST as sendRoute } from "@/app/api/chat/rooms/[roomId]/messages/route";
import { deletePushSubscriptionAction, savePushSubscriptionAction } from "@/app/(chat)/actions";
import { db } from "@/lib/db";
import { resetEnvCache } from "@/lib/env";
import { userChannel } from "@/lib/realtime/channels";
import { notificationsSettled } from "@/lib/notify/after-send";
import { openTabUserIds } from "@/lib/notify/open-tabs";
import { PUSH_PREVIEW_BYTES } from "@/lib/notify/push-payload";
import { pushNewMessage } from "@/lib/notify/push-send";
import { makeRoom, makeUser } from "@/tests/support/factories";
import { call, request } from "@/tests/support/http";
import { decryptPush, type DeviceKeys, deviceKeys, startPushService, subscriptionBody } from "@/tests/support/push";
import { disconnectAll, pusherClientFor, subscribed } from "@/tests/support/pusher-clients";

type User = Awaited<ReturnType<typeof makeUser>>;
type PushService = Awaited<ReturnType<typeof startPushService>>;

const ENV = ["VAPID_PUBLIC_KEY", "VAPID_PRIVATE_KEY", "VAPID_SUBJECT", "PUSH_ALLOW_PRIVATE_ENDPOINTS"] as const;
const saved = Object.fromEntries(ENV.map((name) => [name, process.env[name]]));
const vapid = webpush.generateVAPIDKeys();

function setAllowPrivate(on: boolean) {
  process.env.PUSH_ALLOW_PRIVATE_ENDPOINTS = on ? "1" : "0";
  resetEnvCache();
}

const subscribe = async (as: User, json: unknown) => call(subscribeRoute, await request(as, "POST", "/api/chat/me/push-subscriptions", { json }));
const send = async (as: User, roomId: number, content: string) =>
  call(sendRoute, await request(as, "POST", `/api/chat/rooms/${roomId}/messages`, { json: { content, client_id: crypto.randomUUID() } }), {
    roomId: String(roomId),
  });
/** Sends and waits for the notifications the send started (they run after the response). */
async function sendAndSettle(as: User, roomId: number, content: string) {
  const res = await send(as, roomId, content);
  await notificationsSettled();
  return res;
}

describe("Web Push", () => {
  let push: PushService;
  let a: User;
  let b: User;
  let room: { id: number; name: string };
  let bKeys: DeviceKeys;
  let bEndpoint: string;

  beforeAll(async () => {
    Object.assign(process.env, { VAPID_PUBLIC_KEY: vapid.publicKey, VAPID_PRIVATE_KEY: vapid.privateKey, VAPID_SUBJECT: "mailto:ops@example.com" });
    setAllowPrivate(true);
    push = await startPushService();
  });
  afterAll(async () => {
    disconnectAll();
    await push.close();
    for (const name of ENV) {
      if (saved[name] === undefined) delete process.env[name];
      else process.env[name] = saved[name];
    }
    resetEnvCache();
  });

  beforeEach(async () => {
    setAllowPrivate(true);
    [a, b] = await Promise.all([makeUser(), makeUser()]);
    room = await makeRoom([a.id, b.id], "GROUP");
    bKeys = deviceKeys();
    bEndpoint = push.endpoint("b");
    expect((await subscribe(b, subscriptionBody(bEndpoint, bKeys))).status).toBe(201);
  });

  it("a member with no tab open gets sender, room and a preview, encrypted to their device and signed with our VAPID key", async () => {
    const res = await sendAndSettle(a, room.id, "The keys are under the mat");
    expect(res.status).toBe(201);
    const [delivery, ...more] = push.to(bEndpoint);
    expect(more).toEqual([]);
    expect(delivery.headers["content-encoding"]).toBe("aes128gcm");
    expect(Number(delivery.headers.ttl)).toBeGreaterThan(0);
    // The push service sees ciphertext only.
    expect(delivery.body.includes(Buffer.from("mat"))).toBe(false);
    expect(JSON.parse(decryptPush(delivery.body, bKeys))).toEqual({
      room_id: room.id,
      url: `/rooms/${room.id}`,
      sender: a.username,
      room: room.name,
      preview: "The keys are under the mat",
    });
    // VAPID (RFC 8292): our public key, and a token for this push service's origin.
    const auth = String(delivery.headers.authorization);
    expect(auth).toContain(`k=${vapid.publicKey}`);
    const jwt = /t=([^,\s]+)/.exec(auth)?.[1] ?? "";
    expect(JSON.parse(Buffer.from(jwt.split(".")[1], "base64url").toString())).toMatchObject({ aud: push.origin, sub: "mailto:ops@example.com" });
    // The sender's own device is never notified of their own message.
    const aEndpoint = push.endpoint("a");
    expect((await subscribe(a, subscriptionBody(aEndpoint, deviceKeys()))).status).toBe(201);
    await sendAndSettle(a, room.id, "again");
    expect(push.to(aEndpoint)).toEqual([]);
    expect(push.to(bEndpoint)).toHaveLength(2);
  });

  it("reaches every device of the recipient, each with its own keys", async () => {
    const phone = deviceKeys();
    const phoneEndpoint = push.endpoint("b-phone");
    expect((await subscribe(b, subscriptionBody(phoneEndpoint, phone))).status).toBe(201);
    await sendAndSettle(a, room.id, "two devices");
    expect(JSON.parse(decryptPush(push.to(bEndpoint)[0].body, bKeys)).preview).toBe("two devices");
    expect(JSON.parse(decryptPush(push.to(phoneEndpoint)[0].body, phone)).preview).toBe("two devices");
  });

  it("hides sender, room and text from the payload when the recipient hides previews", async () => {
    const res = await call(settingsRoute, await request(b, "PATCH", "/api/chat/me/settings", { json: { notify_hide_previews: true } }));
    expect(res.status).toBe(200);
    await sendAndSettle(a, room.id, "secret address 12 Elm St");
    expect(JSON.parse(decryptPush(push.to(bEndpoint)[0].body, bKeys))).toEqual({ room_id: room.id, url: `/rooms/${room.id}` });
  });

  it("cuts the preview by UTF-8 bytes on whole code points (CJK, emoji, right-to-left)", async () => {
    for (const [i, text] of ["鍵は玄関マットの下にあります。".repeat(10), "🔑🏠".repeat(40), "המפתח מתחת לשטיח ".repeat(10)].entries()) {
      await sendAndSettle(a, room.id, text);
      const { preview } = JSON.parse(decryptPush(push.to(bEndpoint)[i].body, bKeys)) as { preview: string };
      expect(preview.endsWith("…")).toBe(true);
      const kept = preview.slice(0, -1);
      expect(Buffer.byteLength(kept, "utf8")).toBeLessThanOrEqual(PUSH_PREVIEW_BYTES);
      expect(Buffer.byteLength(kept, "utf8")).toBeGreaterThan(PUSH_PREVIEW_BYTES - 4);
      expect(text.startsWith(kept)).toBe(true);
      expect(kept).not.toContain("\uFFFD");
    }
  });

  it("a muted room sends nothing; unmuted, it sends again", async () => {
    const mute = async (duration: string) =>
      call(muteRoute, await request(b, "PUT", `/api/chat/rooms/${room.id}/mute`, { json: { duration } }), { roomId: String(room.id) });
    expect((await mute("8h")).status).toBe(200);
    expect((await sendAndSettle(a, room.id, "while muted")).status).toBe(201);
    expect(push.to(bEndpoint)).toEqual([]);
    // Still counted unread.
    expect((await db.chatParticipant.findFirstOrThrow({ where: { roomId: room.id, userId: b.id } })).unreadCount).toBe(1);
    expect((await mute("off")).status).toBe(200);
    await sendAndSettle(a, room.id, "after unmuting");
    expect(JSON.parse(decryptPush(push.to(bEndpoint)[0].body, bKeys)).preview).toBe("after unmuting");
  });

  it("a mention reaches a muted member only when they asked for mentions in muted rooms", async () => {
    await db.chatParticipant.updateMany({ where: { roomId: room.id, userId: b.id }, data: { mutedUntil: new Date("9999-12-31T00:00:00Z") } });
    const message = (await send(a, room.id, `@${b.username} can you come at 9?`)).body;
    await notificationsSettled();
    expect(await pushNewMessage(message, [b.id])).toMatchObject({ sent: 0 });
    await db.user.update({ where: { id: b.id }, data: { notifyMentionsWhenMuted: true } });
    expect(await pushNewMessage(message, [])).toMatchObject({ sent: 0 });
    expect(await pushNewMessage(message, [b.id])).toMatchObject({ sent: 1 });
    expect(push.to(bEndpoint)).toHaveLength(1);
  });

  it("skips a member with an app tab open (their tab notifies), and pushes once it is closed", async () => {
    const tab = pusherClientFor(b);
    await subscribed(tab, userChannel(b.id));
    expect(await openTabUserIds([a.id, b.id])).toEqual(new Set([b.id]));
    await sendAndSettle(a, room.id, "you have the tab open");
    expect(push.to(bEndpoint)).toEqual([]);

    tab.disconnect();
    await expect.poll(() => openTabUserIds([b.id]).then((open) => open.size)).toBe(0);
    await sendAndSettle(a, room.id, "tab closed");
    expect(JSON.parse(decryptPush(push.to(bEndpoint)[0].body, bKeys)).preview).toBe("tab closed");
  });

  it("removes a subscription the push service reports gone (410, 404); other failures keep it, and the send succeeds either way", async () => {
    push.answer(bEndpoint, 500);
    expect((await sendAndSettle(a, room.id, "push service down")).status).toBe(201);
    expect(await db.pushSubscription.count({ where: { endpoint: bEndpoint } })).toBe(1);

    push.answer(bEndpoint, 410);
    expect((await sendAndSettle(a, room.id, "unsubscribed meanwhile")).status).toBe(201);
    expect(await db.pushSubscription.count({ where: { endpoint: bEndpoint } })).toBe(0);

    const other = push.endpoint("b-404");
    await subscribe(b, subscriptionBody(other, deviceKeys()));
    push.answer(other, 404);
    await sendAndSettle(a, room.id, "gone");
    expect(await db.pushSubscription.count({ where: { endpoint: other } })).toBe(0);

    // Nothing listens on this port: the send still answers 201 and the subscription stays.
    const dead = "http://127.0.0.1:9/push/dead";
    await subscribe(b, subscriptionBody(dead, deviceKeys()));
    expect((await sendAndSettle(a, room.id, "unreachable")).status).toBe(201);
    expect(await db.pushSubscription.count({ where: { endpoint: dead } })).toBe(1);
  });

  it("refuses endpoints that are not public https push services (SSRF) with a 400, storing and sending nothing", async () => {
    setAllowPrivate(false);
    const keys = deviceKeys();
    const refused = [
      push.endpoint("plain-http"),
      "http://push.example.com/send/1",
      "https://127.0.0.1/push",
      "https://localhost/push",
      "https://[::1]/push",
      "https://[::ffff:127.0.0.1]/push",
      "https://10.0.0.5/push",
      "https://172.16.3.4/push",
      "https://192.168.1.1/push",
      "https://169.254.169.254/latest/meta-data",
      "https://[fe80::1]/push",
      "https://[fd00::1]/push",
      "https://0.0.0.0/push",
      "https://user:pw@8.8.8.8/push",
      "ftp://8.8.8.8/push",
      "javascript:alert(1)",
      "not a url",
      `https://8.8.8.8/${"推".repeat(400)}`,
    ];
    const before = await db.pushSubscription.count();
    for (const endpoint of refused) {
      const res = await subscribe(b, subscriptionBody(endpoint, keys));
      expect(res.status, endpoint).toBe(400);
      expect(res.body.error.code).toBe("invalid_input");
      expect(res.body.error.message).toMatch(/^endpoint/);
    }
    expect(await db.pushSubscription.count()).toBe(before);
    // A public address is accepted (no DNS needed for an IP literal).
    expect((await subscribe(b, subscriptionBody("https://8.8.8.8/push/abc", keys))).status).toBe(201);

    // The stored local endpoint is checked again before each send: refused now, nothing posted.
    const received = push.received.length;
    await sendAndSettle(a, room.id, "private endpoints are off");
    expect(push.received.length).toBe(received);
  });

  it("refuses malformed keys and bodies with a 400", async () => {
    const keys = deviceKeys();
    const endpoint = push.endpoint("bad");
    for (const body of [
      {},
      { endpoint },
      { endpoint, keys: { p256dh: keys.p256dh } },
      { endpoint, keys: { p256dh: keys.p256dh.slice(2), auth: keys.auth } },
      { endpoint, keys: { p256dh: keys.p256dh, auth: "not base64url!" } },
      { endpoint, keys: { p256dh: Buffer.alloc(65, 5).toString("base64url"), auth: keys.auth } },
      { endpoint, keys: { p256dh: keys.p256dh, auth: keys.auth, extra: 1 } },
      { endpoint: 42, keys: { p256dh: keys.p256dh, auth: keys.auth } },
    ]) {
      expect((await subscribe(b, body)).status, JSON.stringify(body)).toBe(400);
    }
    expect(await db.pushSubscription.count({ where: { endpoint } })).toBe(0);
  });

  it("turns push off per device: DELETE removes only the caller's own subscription", async () => {
    const del = async (as: User, endpoint: string) =>
      call(unsubscribeRoute, await request(as, "DELETE", "/api/chat/me/push-subscriptions", { json: { endpoint } }));
    expect((await del(a, bEndpoint)).status).toBe(404);
    expect(await db.pushSubscription.count({ where: { endpoint: bEndpoint } })).toBe(1);
    expect((await del(b, bEndpoint)).status).toBe(204);
    expect(await db.pushSubscription.count({ where: { endpoint: bEndpoint } })).toBe(0);
    await sendAndSettle(a, room.id, "push is off");
    expect(push.to(bEndpoint)).toEqual([]);
  });

  it("a device signed in to another account notifies only that account", async () => {
    expect((await subscribe(a, subscriptionBody(bEndpoint, bKeys))).status).toBe(201);
    expect((await db.pushSubscription.findUniqueOrThrow({ where: { endpoint: bEndpoint } })).userId).toBe(a.id);
    await sendAndSettle(a, room.id, "from a");
    expect(push.to(bEndpoint)).toEqual([]);
  });

  it("the server actions store and remove subscriptions as the routes do", async () => {
    const keys = deviceKeys();
    const endpoint = push.endpoint("action");
    const saved = await asCaller(b, () => savePushSubscriptionAction(subscriptionBody(endpoint, keys)));
    expect(saved.value).toEqual({ ok: true, data: { endpoint } });
    setAllowPrivate(false);
    const refused = await asCaller(b, () => savePushSubscriptionAction(subscriptionBody("https://127.0.0.1/x", keys)));
    expect(refused.value).toMatchObject({ ok: false, error: { code: "invalid_input" } });
    const stranger = await asCaller(a, () => deletePushSubscriptionAction({ endpoint }));
    expect(stranger.value).toMatchObject({ ok: false, error: { code: "not_found" } });
    const removed = await asCaller(b, () => deletePushSubscriptionAction({ endpoint }));
    expect(removed.value).toEqual({ ok: true, data: { endpoint } });
    expect(await db.pushSubscription.count({ where: { endpoint } })).toBe(0);
  });
});
