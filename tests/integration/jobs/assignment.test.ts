// POST /api/jobs/{id}/assignment, the marketplace's door: its token, its refusals, what it does
// to the job and its room (idempotently), and what each viewer of the room then sees of the job.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { POST as assignRoute } from "@/app/api/jobs/[jobId]/assignment/route";
import { POST as jobRoomRoute } from "@/app/api/chat/jobs/[jobId]/room/route";
import { GET as roomRoute } from "@/app/api/chat/rooms/[roomId]/route";
import { GET as roomsRoute } from "@/app/api/chat/rooms/route";
import { GET as messagesRoute } from "@/app/api/chat/rooms/[roomId]/messages/route";
import { db } from "@/lib/db";
import { resetEnvCache } from "@/lib/env";
import { makeUser } from "@/tests/support/factories";
import { type Caller, call, request } from "@/tests/support/http";
import { dbFingerprint } from "@/tests/support/db-fingerprint";
import * as v from "valibot";
import { wireAssignmentSchema, wireRoomSchema } from "@/lib/wire/rest";

const TOKEN = "marketplace-test-token-0123456789abcdef";
// A header carries bytes: non-ASCII text arrives as its UTF-8 bytes read one per character.
const asHeader = (text: string) => Buffer.from(text, "utf8").toString("latin1");
const saved = process.env.MARKETPLACE_API_TOKEN;
const setToken = (value: string | undefined) => {
  if (value === undefined) delete process.env.MARKETPLACE_API_TOKEN;
  else process.env.MARKETPLACE_API_TOKEN = value;
  resetEnvCache();
};

type User = Awaited<ReturnType<typeof makeUser>>;

const assign = async (jobId: number | string, json: unknown, init: { token?: string | null; body?: string; type?: string } = {}) => {
  const headers: Record<string, string> = { "content-type": init.type ?? "application/json" };
  const token = init.token === undefined ? TOKEN : init.token;
  if (token !== null) headers.authorization = `Bearer ${token}`;
  const req = await request(null, "POST", `/api/jobs/${encodeURIComponent(String(jobId))}/assignment`, {
    ...(init.body !== undefined ? { body: init.body } : { json }),
    headers,
  });
  return call(assignRoute, req, { jobId: String(jobId) });
};

const roomAs = async (who: Caller, roomId: number) =>
  call(roomRoute, await request(who, "GET", `/api/chat/rooms/${roomId}`), { roomId: String(roomId) });

describe("POST /api/jobs/{id}/assignment", () => {
  let client: User;
  let cleaner: User;
  let other: User;
  let jobId: number;

  beforeEach(async () => {
    setToken(TOKEN);
    [client, cleaner, other] = await Promise.all([makeUser(), makeUser(), makeUser()]);
    const job = await db.job.create({
      data: {
        title: "End-of-tenancy clean, 2-bed flat",
        clientId: client.id,
        area: "Hackney, London E8",
        address: "Flat 4, 27 Mare Street, London E8 4RP",
      },
    });
    jobId = job.id;
  });
  afterEach(() => setToken(saved));

  it("does not exist while MARKETPLACE_API_TOKEN is unset (404), and answers 401 to a missing or wrong token", async () => {
    const body = { client_id: client.id, cleaner_id: cleaner.id };
    const before = await dbFingerprint();
    setToken(undefined);
    expect((await assign(jobId, body)).status).toBe(404);
    setToken(TOKEN);
    for (const token of [
      null,
      "",
      "wrong",
      `${TOKEN}x`,
      TOKEN.slice(0, -1),
      TOKEN.toUpperCase(),
      asHeader("漢字"),
      asHeader(`${TOKEN}😀`),
      asHeader("שלום"),
    ]) {
      const res = await assign(jobId, body, { token });
      expect(res.status, String(token)).toBe(401);
      expect(res.body.error.code).toBe("unauthorized");
    }
    // A session is no substitute for the token.
    const withSession = await call(assignRoute, await request(client, "POST", `/api/jobs/${jobId}/assignment`, { json: body }), {
      jobId: String(jobId),
    });
    expect(withSession.status).toBe(401);
    expect(await dbFingerprint()).toEqual(before);
  });

  it("refuses bad bodies and ids with 400, unknown jobs and people with 404, and changes nothing", async () => {
    const before = await dbFingerprint();
    const bad: unknown[] = [
      {},
      { client_id: client.id },
      { cleaner_id: cleaner.id },
      { client_id: client.id, cleaner_id: client.id },
      { client_id: "1", cleaner_id: null },
      { client_id: client.id, cleaner_id: cleaner.id, status: "assigned" },
      { client_id: client.id, cleaner_id: cleaner.id, status: "COMPLETED" },
      { client_id: client.id, cleaner_id: cleaner.id, extra: true },
      { client_id: -1, cleaner_id: null },
      { client_id: 2 ** 31, cleaner_id: null },
      [client.id, cleaner.id],
      null,
    ];
    for (const json of bad) expect((await assign(jobId, json)).status, JSON.stringify(json)).toBe(400);
    expect((await assign(jobId, null, { body: "{not json" })).status).toBe(400);
    expect((await assign(jobId, null, { body: "client_id=1", type: "application/x-www-form-urlencoded" })).status).toBe(400);
    for (const id of ["0", "-1", "abc", "1.5", "99999999999"])
      expect((await assign(id, { client_id: client.id, cleaner_id: null })).status, id).toBe(400);

    expect((await assign(2_000_000_000, { client_id: client.id, cleaner_id: cleaner.id })).status).toBe(404);
    expect((await assign(jobId, { client_id: client.id, cleaner_id: 2_000_000_000 })).status).toBe(404);
    const gone = await makeUser({ isActive: false });
    const before2 = await dbFingerprint();
    expect((await assign(jobId, { client_id: client.id, cleaner_id: gone.id })).status).toBe(404);
    expect(await dbFingerprint()).toEqual(before2);
    expect(before2.jobs).toBe(before.jobs);
  });

  it("creates the job's room named after the job with the client and cleaner, once: the same call again changes nothing", async () => {
    const first = await assign(jobId, { client_id: client.id, cleaner_id: cleaner.id, status: "booked" });
    expect(first.status).toBe(200);
    expect(v.is(wireAssignmentSchema, first.body)).toBe(true);
    expect(first.body).toMatchObject({ job_id: jobId, client_id: client.id, cleaner_id: cleaner.id, status: "booked", changed: true });
    const roomId = first.body.room_id;
    const room = await db.chatRoom.findUniqueOrThrow({ where: { id: roomId }, include: { participants: true } });
    expect(room).toMatchObject({ kind: "JOB", jobId, name: "End-of-tenancy clean, 2-bed flat" });
    expect(room.participants.map((p) => p.userId).sort()).toEqual([client.id, cleaner.id].sort());
    expect(await db.auditLog.count({ where: { action: "job.assign", targetType: "job", targetId: jobId, actorId: null } })).toBe(1);

    const outboxBefore = await db.realtimeOutbox.count();
    const before = await dbFingerprint();
    const again = await assign(jobId, { client_id: client.id, cleaner_id: cleaner.id, status: "booked" });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ room_id: roomId, changed: false, added_user_ids: [], removed_user_ids: [] });
    expect(again.body.status_changed_at).toBe(first.body.status_changed_at);
    expect(await db.realtimeOutbox.count()).toBe(outboxBefore);
    expect(await dbFingerprint()).toEqual(before);
    // Without a status, the status stays.
    expect((await assign(jobId, { client_id: client.id, cleaner_id: cleaner.id })).body).toMatchObject({ changed: false, status: "booked" });
  });

  it("replacing the cleaner takes the old one out of the room (404 for them) and gives the new one the whole history", async () => {
    const { room_id: roomId } = (await assign(jobId, { client_id: client.id, cleaner_id: cleaner.id, status: "booked" })).body;
    await db.message.createMany({
      data: ["Key is with the concierge", "Thursday 9am works"].map((content, i) => ({
        roomId,
        senderId: i ? cleaner.id : client.id,
        content,
        clientId: crypto.randomUUID(),
      })),
    });

    const outboxBefore = await db.realtimeOutbox.count();
    const res = await assign(jobId, { client_id: client.id, cleaner_id: other.id });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ changed: true, added_user_ids: [other.id], removed_user_ids: [cleaner.id], status: "booked" });
    expect((await db.job.findUniqueOrThrow({ where: { id: jobId } })).cleanerId).toBe(other.id);

    expect((await roomAs(cleaner, roomId)).status).toBe(404);
    const oldList = await call(roomsRoute, await request(cleaner, "GET", "/api/chat/rooms"));
    expect(oldList.body.rooms.map((r: { id: number }) => r.id)).not.toContain(roomId);
    const history = await call(messagesRoute, await request(other, "GET", `/api/chat/rooms/${roomId}/messages`), { roomId: String(roomId) });
    expect(history.status).toBe(200);
    expect(history.body.messages.map((m: { content: string }) => m.content)).toEqual(["Key is with the concierge", "Thursday 9am works"]);

    // Stored with the change: the room hears its new members, the old cleaner's list drops the room
    // (with nothing of the job in it), the new one's gains it.
    const events = (await db.realtimeOutbox.findMany({ where: { id: { gt: BigInt(0) } }, orderBy: { id: "asc" }, skip: outboxBefore })).map(
      (r) => r.event as { channel: string; event: string; payload: Record<string, unknown> },
    );
    const members = events.find((e) => e.event === "members.updated");
    expect(members?.channel).toBe(`private-room-${roomId}`);
    expect(((members?.payload.members ?? []) as Array<{ id: number }>).map((m) => m.id).sort()).toEqual([client.id, other.id].sort());
    const dropped = events.find((e) => e.channel === `private-user-${cleaner.id}`);
    expect(dropped?.payload).toMatchObject({ id: roomId, removed: true });
    expect(dropped?.payload.job).toBeUndefined();
    expect(events.some((e) => e.channel === `private-user-${other.id}` && e.event === "room.updated")).toBe(true);
  });

  it("shows the address only to the job's client and cleaner, and only once booked (not open, not cancelled)", async () => {
    const { room_id: roomId } = (await assign(jobId, { client_id: client.id, cleaner_id: cleaner.id })).body;
    const jobOf = async (who: Caller) => {
      const res = await roomAs(who, roomId);
      expect(res.status).toBe(200);
      expect(v.is(wireRoomSchema, res.body)).toBe(true);
      return res.body.job;
    };
    expect(await jobOf(client)).toMatchObject({ id: jobId, title: "End-of-tenancy clean, 2-bed flat", area: "Hackney, London E8", status: "open" });
    expect((await jobOf(client)).address).toBeUndefined();
    expect((await jobOf(cleaner)).address).toBeUndefined();

    for (const status of ["booked", "in_progress", "completed"] as const) {
      await assign(jobId, { client_id: client.id, cleaner_id: cleaner.id, status });
      expect((await jobOf(client)).address, status).toBe("Flat 4, 27 Mare Street, London E8 4RP");
      expect((await jobOf(cleaner)).address, status).toBe("Flat 4, 27 Mare Street, London E8 4RP");
      const list = await call(roomsRoute, await request(cleaner, "GET", "/api/chat/rooms"));
      expect(list.body.rooms.find((r: { id: number }) => r.id === roomId).job.address).toBe("Flat 4, 27 Mare Street, London E8 4RP");
    }
    // An admin opening the job's room for support sees the job, not where it is.
    const admin = await makeUser({ role: "ADMIN" });
    const support = await call(jobRoomRoute, await request(admin, "POST", `/api/chat/jobs/${jobId}/room`), { jobId: String(jobId) });
    expect(support.status).toBe(200);
    expect(support.body.job).toMatchObject({ id: jobId, status: "completed" });
    expect(support.body.job.address).toBeUndefined();
    // Strangers see nothing of the room at all.
    expect((await roomAs(other, roomId)).status).toBe(404);

    await assign(jobId, { client_id: client.id, cleaner_id: cleaner.id, status: "cancelled" });
    expect((await jobOf(client)).address).toBeUndefined();
    // Someone who is in the room but no longer on the job (the client replaced) loses it too: they leave the room.
    await assign(jobId, { client_id: other.id, cleaner_id: cleaner.id, status: "booked" });
    expect((await roomAs(client, roomId)).status).toBe(404);
    expect((await jobOf(other)).address).toBe("Flat 4, 27 Mare Street, London E8 4RP");
  });
});
