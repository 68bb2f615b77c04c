import { beforeAll, describe, expect, it } from "vitest";
import { POST as createRoute } from "@/app/api/chat/rooms/route";
import { POST as jobRoomRoute } from "@/app/api/chat/jobs/[jobId]/room/route";
import { GET as membersRoute, POST as addRoute } from "@/app/api/chat/rooms/[roomId]/members/route";
import { DELETE as removeRoute } from "@/app/api/chat/rooms/[roomId]/members/[userId]/route";
import { db } from "@/lib/db";
import { call, request } from "@/tests/support/http";
import { makeJob, makeUser } from "@/tests/support/factories";

type User = Awaited<ReturnType<typeof makeUser>>;

describe("rooms: direct, group, job, members", () => {
  let a: User;
  let b: User;
  let c: User;
  beforeAll(async () => {
    [a, b, c] = await Promise.all([makeUser(), makeUser(), makeUser()]);
    await makeJob(a.id, b.id); // a direct room needs them to reach each other
  });

  it("creates one direct room per pair, whoever opens it, concurrently too", async () => {
    const results = await Promise.all([
      call(createRoute, await request(a, "POST", "/api/chat/rooms", { json: { kind: "DIRECT", user_id: b.id } })),
      call(createRoute, await request(b, "POST", "/api/chat/rooms", { json: { kind: "DIRECT", user_id: a.id } })),
      call(createRoute, await request(a, "POST", "/api/chat/rooms", { json: { kind: "DIRECT", user_id: b.id } })),
    ]);
    expect(new Set(results.map((r) => r.body.id)).size).toBe(1);
    expect(results.map((r) => r.status).sort()).toEqual([200, 200, 201]);
    expect(results[0].body).toMatchObject({ kind: "DIRECT", name: b.name, unread_count: 0, last_message_sender: null });
    expect(results[1].body.name).toBe(a.name);
    const self = await call(createRoute, await request(a, "POST", "/api/chat/rooms", { json: { kind: "DIRECT", user_id: a.id } }));
    expect(self.status).toBe(400);
    const ghost = await call(createRoute, await request(a, "POST", "/api/chat/rooms", { json: { kind: "DIRECT", user_id: 99_999_999 } }));
    expect(ghost.status).toBe(404);
  });

  it("creates a group with members, adds and removes members", async () => {
    const created = await call(
      createRoute,
      await request(a, "POST", "/api/chat/rooms", { json: { kind: "GROUP", name: "Crew", member_ids: [b.id] } }),
    );
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: "Crew", kind: "GROUP", job_id: null });
    const roomId = String(created.body.id);
    const members = async (who: User) => call(membersRoute, await request(who, "GET", `/api/chat/rooms/${roomId}/members`), { roomId });
    expect((await members(a)).body.members.map((m: { id: number }) => m.id).sort()).toEqual([a.id, b.id].sort());
    expect((await members(c)).status).toBe(404);
    const added = await call(addRoute, await request(b, "POST", `/api/chat/rooms/${roomId}/members`, { json: { user_ids: [c.id] } }), { roomId });
    expect(added.status).toBe(200);
    expect((await members(c)).status).toBe(200);
    const removed = await call(removeRoute, await request(c, "DELETE", `/api/chat/rooms/${roomId}/members/${c.id}`), {
      roomId,
      userId: String(c.id),
    });
    expect(removed.status).toBe(204);
    expect((await members(c)).status).toBe(404);
  });

  it("opens a job's room on demand for its client and cleaner only, once per job", async () => {
    const job = await db.job.create({ data: { title: "Windows", clientId: a.id, cleanerId: b.id } });
    const params = { jobId: String(job.id) };
    const [first, second] = await Promise.all([
      call(jobRoomRoute, await request(a, "POST", `/api/chat/jobs/${job.id}/room`), params),
      call(jobRoomRoute, await request(b, "POST", `/api/chat/jobs/${job.id}/room`), params),
    ]);
    expect(first.status).toBe(200);
    expect(first.body.id).toBe(second.body.id);
    expect(first.body).toMatchObject({
      kind: "JOB",
      job_id: job.id,
      name: "Windows",
      job: { id: job.id, title: "Windows", status: "open", read_only: false },
    });
    expect(await db.chatParticipant.count({ where: { roomId: first.body.id } })).toBe(2);
    const stranger = await call(jobRoomRoute, await request(c, "POST", `/api/chat/jobs/${job.id}/room`), params);
    expect(stranger.status).toBe(404);
  });
});
