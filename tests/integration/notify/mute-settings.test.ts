// Muting a room (PUT /api/chat/rooms/{id}/mute, muteRoomAction) and the notification settings
// (GET/PATCH /api/chat/me/settings, updateSettingsAction): what is stored, what the wire room
// and the user's other tabs say, what still counts, and every refusal changing nothing.
import { asCaller } from "@/tests/support/next-scope";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { muteRoomAction, updateSettingsAction } from "@/app/(chat)/actions";
import { GET as settingsGet, PATCH as settingsPatch } from "@/app/api/chat/me/settings/route";
import { PUT as muteRoute } from "@/app/api/chat/rooms/[roomId]/mute/route";
import { GET as roomsGet } from "@/app/api/chat/rooms/route";
import { sendMessage } from "@/lib/chat/send";
import { db } from "@/lib/db";
import { userChannel } from "@/lib/realtime/channels";
import { UNTIL_UNMUTED } from "@/lib/notify/mute";
import { wireRoomSchema, wireSettingsSchema } from "@/lib/wire/rest";
import type { RealtimeServer } from "@/realtime-server";
import { startRealtime, stopRealtime, Subscriber } from "@/tests/integration/admin/support/realtime";
import { delivered } from "@/tests/support/delivered";
import { makeRoom, makeUser } from "@/tests/support/factories";
import { call, request } from "@/tests/support/http";
import * as v from "valibot";

type User = Awaited<ReturnType<typeof makeUser>>;
const HOUR = 3_600_000;

const mute = async (as: User, roomId: number | string, json: unknown) =>
  call(muteRoute, await request(as, "PUT", `/api/chat/rooms/${roomId}/mute`, { json }), { roomId: String(roomId) });
const mutedUntil = async (roomId: number, userId: number) =>
  (await db.chatParticipant.findUniqueOrThrow({ where: { roomId_userId: { roomId, userId } } })).mutedUntil;

describe("muting a room", () => {
  let a: User;
  let b: User;
  let stranger: User;
  let roomId: number;
  let realtime: RealtimeServer;

  beforeAll(async () => {
    realtime = await startRealtime();
  });
  afterAll(() => stopRealtime(realtime));

  beforeEach(async () => {
    [a, b, stranger] = await Promise.all([makeUser(), makeUser(), makeUser()]);
    roomId = (await makeRoom([a.id, b.id])).id;
  });

  it("mutes for 1 hour, 8 hours or until unmuted, and unmutes; the room on the wire says so", async () => {
    for (const [duration, hours] of [
      ["1h", 1],
      ["8h", 8],
    ] as const) {
      const started = Date.now();
      const res = await mute(b, roomId, { duration });
      expect(res.status).toBe(200);
      expect(v.is(wireRoomSchema, res.body)).toBe(true);
      const until = Date.parse(res.body.muted_until);
      expect(until).toBeGreaterThanOrEqual(started + hours * HOUR - 1000);
      expect(until).toBeLessThanOrEqual(Date.now() + hours * HOUR + 1000);
      expect((await mutedUntil(roomId, b.id))?.getTime()).toBe(until);
    }
    const forever = await mute(b, roomId, { duration: "until_unmuted" });
    expect(forever.body.muted_until).toBe(UNTIL_UNMUTED.toISOString());
    // Only b's view: a's row and list are untouched.
    expect(await mutedUntil(roomId, a.id)).toBeNull();
    const lists = async (as: User) => (await call(roomsGet, await request(as, "GET", "/api/chat/rooms"))).body.rooms;
    expect((await lists(b)).find((r: { id: number }) => r.id === roomId).muted_until).toBe(UNTIL_UNMUTED.toISOString());
    expect((await lists(a)).find((r: { id: number }) => r.id === roomId).muted_until).toBeNull();

    const off = await mute(b, roomId, { duration: "off" });
    expect(off.status).toBe(200);
    expect(off.body.muted_until).toBeNull();
    expect(await mutedUntil(roomId, b.id)).toBeNull();
  });

  it("tells the user's other tabs (room.updated on their own channel)", async () => {
    const tab = await Subscriber.connect(realtime);
    await tab.subscribe(userChannel(b.id));
    await mute(b, roomId, { duration: "8h" });
    const frame = await tab.waitFor((f) => f.event === "room.updated");
    expect(frame.data).toMatchObject({ id: roomId, muted_until: expect.any(String) });
    tab.close();
  });

  it("a muted room still counts unread", async () => {
    await mute(b, roomId, { duration: "until_unmuted" });
    await delivered(sendMessage({ userId: a.id, roomId, content: "still counted", clientId: crypto.randomUUID() }));
    const res = await call(roomsGet, await request(b, "GET", "/api/chat/rooms"));
    expect(res.body.rooms.find((r: { id: number }) => r.id === roomId)).toMatchObject({ unread_count: 1, muted_until: UNTIL_UNMUTED.toISOString() });
  });

  it("an expired mute reads as not muted", async () => {
    await db.chatParticipant.updateMany({ where: { roomId, userId: b.id }, data: { mutedUntil: new Date(Date.now() - 1000) } });
    const res = await call(roomsGet, await request(b, "GET", "/api/chat/rooms"));
    expect(res.body.rooms.find((r: { id: number }) => r.id === roomId).muted_until).toBeNull();
  });

  it("answers a stranger 404 and bad input 400, changing nothing", async () => {
    expect((await mute(stranger, roomId, { duration: "1h" })).status).toBe(404);
    for (const json of [{}, { duration: "2h" }, { duration: 3600 }, { duration: null }, { duration: "1h", x: 1 }, [], { duration: "1Ｈ" }]) {
      const res = await mute(b, roomId, json);
      expect(res.status, JSON.stringify(json)).toBe(400);
      expect(res.body.error.code).toBe("invalid_input");
    }
    for (const id of ["0", "-1", "abc", "2147483648", "1.5"]) expect((await mute(b, id, { duration: "1h" })).status, id).toBe(400);
    expect(await mutedUntil(roomId, b.id)).toBeNull();
  });

  it("the server action does what the route does, and refuses strangers", async () => {
    const done = await asCaller(b, () => muteRoomAction({ room_id: roomId, duration: "1h" }));
    expect(done.value).toMatchObject({ ok: true, data: { id: roomId, muted_until: expect.any(String) } });
    const refused = await asCaller(stranger, () => muteRoomAction({ room_id: roomId, duration: "1h" }));
    expect(refused.value).toMatchObject({ ok: false, error: { code: "not_found" } });
    const anonymous = await asCaller(null, () => muteRoomAction({ room_id: roomId, duration: "1h" }));
    expect(anonymous.value).toMatchObject({ ok: false, error: { code: "unauthorized" } });
  });
});

describe("notification settings", () => {
  const get = async (as: User) => call(settingsGet, await request(as, "GET", "/api/chat/me/settings"));
  const patch = async (as: User, json: unknown) => call(settingsPatch, await request(as, "PATCH", "/api/chat/me/settings", { json }));

  it("start on (email after 10 minutes), previews shown, mentions in muted rooms off", async () => {
    const user = await makeUser();
    const res = await get(user);
    expect(v.is(wireSettingsSchema, res.body)).toBe(true);
    expect(res.body).toEqual({
      read_receipts: true,
      notify_email: true,
      notify_email_delay_minutes: 10,
      notify_hide_previews: false,
      notify_mentions_when_muted: false,
    });
  });

  it("changes only what is given, and stores it", async () => {
    const user = await makeUser();
    expect((await patch(user, { notify_email: false, notify_email_delay_minutes: 60 })).body).toMatchObject({
      read_receipts: true,
      notify_email: false,
      notify_email_delay_minutes: 60,
    });
    expect((await patch(user, { notify_hide_previews: true })).body).toMatchObject({ notify_email: false, notify_hide_previews: true });
    expect((await patch(user, { notify_mentions_when_muted: true })).body.notify_mentions_when_muted).toBe(true);
    const row = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row).toMatchObject({ notifyEmail: false, notifyEmailDelayMinutes: 60, notifyHidePreviews: true, notifyMentionsWhenMuted: true });
    for (const minutes of [1, 1440]) expect((await patch(user, { notify_email_delay_minutes: minutes })).status).toBe(200);
  });

  it("refuses out-of-range or mistyped values with a 400, changing nothing", async () => {
    const user = await makeUser();
    for (const json of [
      {},
      { notify_email_delay_minutes: 0 },
      { notify_email_delay_minutes: 1441 },
      { notify_email_delay_minutes: 1.5 },
      { notify_email_delay_minutes: "10" },
      { notify_email_delay_minutes: 1e308 },
      { notify_email: "yes" },
      { notify_hide_previews: null },
      { notify_mentions_when_muted: 1 },
      { notify_email: true, unknown: true },
    ]) {
      const res = await patch(user, json);
      expect(res.status, JSON.stringify(json)).toBe(400);
    }
    expect((await get(user)).body).toMatchObject({ notify_email: true, notify_email_delay_minutes: 10 });
  });

  it("the server action saves the same settings", async () => {
    const user = await makeUser();
    const saved = await asCaller(user, () => updateSettingsAction({ notify_hide_previews: true, notify_email_delay_minutes: 30 }));
    expect(saved.value).toMatchObject({ ok: true, data: { notify_hide_previews: true, notify_email_delay_minutes: 30 } });
    const refused = await asCaller(user, () => updateSettingsAction({ notify_email_delay_minutes: -5 }));
    expect(refused.value).toMatchObject({ ok: false, error: { code: "invalid_input" } });
  });
});
