// A completed or cancelled job's room turns read-only READ_ONLY_AFTER_DAYS after the status
// changed: sends, edits and deletes are refused (409, saying why) on the routes and the server
// actions; reading goes on. Tests move the status date back in SQL rather than wait.
// next-scope first: it installs the request scope Next.js reads when its modules load.
import { asCaller } from "@/tests/support/next-scope";
import { beforeEach, describe, expect, it } from "vitest";
import { deleteMyMessageAction, editMyMessageAction, sendMessageAction } from "@/app/(chat)/actions";
import { GET as listMessages, POST as sendRoute } from "@/app/api/chat/rooms/[roomId]/messages/route";
import { DELETE as deleteRoute, PATCH as editRoute } from "@/app/api/chat/rooms/[roomId]/messages/[messageId]/route";
import { POST as readRoute } from "@/app/api/chat/rooms/[roomId]/read/route";
import { GET as roomRoute } from "@/app/api/chat/rooms/[roomId]/route";
import { db } from "@/lib/db";
import { READ_ONLY_AFTER_DAYS } from "@/lib/jobs/status";
import { makeUser } from "@/tests/support/factories";
import { type Caller, call, request } from "@/tests/support/http";
import { dbFingerprint } from "@/tests/support/db-fingerprint";

type User = Awaited<ReturnType<typeof makeUser>>;

describe("a finished job's room", () => {
  let client: User;
  let cleaner: User;
  let stranger: User;
  let jobId: number;
  let roomId: number;
  let messageId: number;

  const finish = async (status: "completed" | "cancelled", daysAgo: number) => {
    await db.$executeRaw`UPDATE jobs SET status = ${status}::job_status, status_changed_at = now() - make_interval(days => ${daysAgo}) WHERE id = ${jobId}`;
  };
  const send = async (who: Caller, content = "anyone there? 漢字 😀 שלום") =>
    call(sendRoute, await request(who, "POST", `/api/chat/rooms/${roomId}/messages`, { json: { content, client_id: crypto.randomUUID() } }), {
      roomId: String(roomId),
    });
  const target = () => ({ roomId: String(roomId), messageId: String(messageId) });
  const path = () => `/api/chat/rooms/${roomId}/messages/${messageId}`;

  beforeEach(async () => {
    [client, cleaner, stranger] = await Promise.all([makeUser(), makeUser(), makeUser()]);
    const job = await db.job.create({ data: { title: "Oven clean", clientId: client.id, cleanerId: cleaner.id, status: "booked" } });
    jobId = job.id;
    const room = await db.chatRoom.create({
      data: { name: job.title, kind: "JOB", jobId, participants: { create: [{ userId: client.id }, { userId: cleaner.id }] } },
    });
    roomId = room.id;
    const sent = await send(cleaner, "All done, see photos");
    expect(sent.status).toBe(201);
    messageId = sent.body.id;
  });

  it(`takes messages until ${READ_ONLY_AFTER_DAYS} days after completion, then refuses sends, edits and deletes with 409 and why`, async () => {
    await finish("completed", READ_ONLY_AFTER_DAYS - 1);
    expect((await send(client)).status).toBe(201);
    expect((await call(roomRoute, await request(client, "GET", `/api/chat/rooms/${roomId}`), { roomId: String(roomId) })).body.job).toMatchObject({
      status: "completed",
      read_only: false,
    });

    await finish("completed", READ_ONLY_AFTER_DAYS);
    const day = (await db.job.findUniqueOrThrow({ where: { id: jobId } })).statusChangedAt.toISOString().slice(0, 10);
    const before = await dbFingerprint();
    const refused = await send(client);
    expect(refused.status).toBe(409);
    expect(refused.body.error).toEqual({ code: "conflict", message: `This job was completed on ${day}; the chat is read-only.` });
    const edit = await call(editRoute, await request(cleaner, "PATCH", path(), { json: { content: "edited" } }), target());
    expect(edit.status).toBe(409);
    expect(edit.body.error.message).toMatch(/read-only/);
    expect((await call(deleteRoute, await request(cleaner, "DELETE", path()), target())).status).toBe(409);

    const { value: action } = await asCaller(client, () =>
      sendMessageAction({ room_id: roomId, content: "via the UI", client_id: crypto.randomUUID() }),
    );
    expect(action).toEqual({ ok: false, error: { code: "conflict", message: `This job was completed on ${day}; the chat is read-only.` } });
    const { value: editAction } = await asCaller(cleaner, () => editMyMessageAction({ room_id: roomId, message_id: messageId, content: "x" }));
    expect(editAction).toMatchObject({ ok: false, error: { code: "conflict" } });
    const { value: deleteAction } = await asCaller(cleaner, () => deleteMyMessageAction({ room_id: roomId, message_id: messageId }));
    expect(deleteAction).toMatchObject({ ok: false, error: { code: "conflict" } });
    expect(await dbFingerprint()).toEqual(before);

    // Reading goes on: the room, its messages, marking them read.
    const room = await call(roomRoute, await request(client, "GET", `/api/chat/rooms/${roomId}`), { roomId: String(roomId) });
    expect(room.body.job).toMatchObject({ status: "completed", read_only: true });
    const page = await call(listMessages, await request(client, "GET", `/api/chat/rooms/${roomId}/messages`), { roomId: String(roomId) });
    expect(page.status).toBe(200);
    expect(page.body.messages.map((m: { content: string }) => m.content)).toContain("All done, see photos");
    const read = await call(readRoute, await request(client, "POST", `/api/chat/rooms/${roomId}/read`, { json: { up_to_id: messageId } }), {
      roomId: String(roomId),
    });
    expect(read.status).toBe(200);
  });

  it("says cancelled for a cancelled job, and tells a stranger nothing (404, not 409)", async () => {
    await finish("cancelled", 30);
    const refused = await send(cleaner);
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toMatch(/^This job was cancelled on \d{4}-\d{2}-\d{2}; the chat is read-only\.$/);
    expect((await send(stranger)).status).toBe(404);
  });

  it("stays open while the job is booked or in progress, however old the status", async () => {
    await db.$executeRaw`UPDATE jobs SET status = 'in_progress', status_changed_at = now() - interval '90 days' WHERE id = ${jobId}`;
    expect((await send(client)).status).toBe(201);
  });
});
