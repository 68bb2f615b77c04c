// Found by the fault soak: marking a room read while a send into it is committing left the
// reader's unread_count one short (the recount waited for the participant row, then counted with
// its older snapshot). Deterministic here: the send is held open until markRead is waiting.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { expect, it } from "vitest";
import { db } from "@/lib/db";
import { markRead } from "@/lib/chat/read";
import { sendMessage } from "@/lib/chat/send";
import { makeRoom, makeUser } from "@/tests/support/factories";
import { delivered } from "@/tests/support/delivered";

async function untilSomeoneWaitsOnALock(client: pg.Client): Promise<void> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const { rows } = await client.query(
      "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'",
    );
    if (rows[0].n > 0) return;
    if (Date.now() > deadline) throw new Error("markRead never waited for the participant row");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

it("counts a message whose send commits while markRead waits for the reader's participant row", async () => {
  const [reader, writer] = await Promise.all([makeUser(), makeUser()]);
  const room = await makeRoom([reader.id, writer.id]);
  const first = await delivered(sendMessage({ userId: writer.id, roomId: room.id, content: "first", clientId: randomUUID() }));
  await delivered(markRead({ userId: reader.id, roomId: room.id, upToId: first.message.id }));

  // A send in flight, as lib/chat/send.ts does it: the message stored and the reader's unread
  // count raised, not committed yet.
  const send = new pg.Client({ connectionString: process.env.DATABASE_URL });
  const watcher = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await Promise.all([send.connect(), watcher.connect()]);
  try {
    await send.query("BEGIN");
    await send.query("INSERT INTO chat_message (room_id, sender_id, content, client_id) VALUES ($1, $2, 'second', $3)", [
      room.id,
      writer.id,
      randomUUID(),
    ]);
    await send.query("UPDATE chat_chatparticipant SET unread_count = unread_count + 1 WHERE room_id = $1 AND user_id = $2", [room.id, reader.id]);

    const reading = delivered(markRead({ userId: reader.id, roomId: room.id, upToId: first.message.id }));
    await untilSomeoneWaitsOnALock(watcher);
    await send.query("COMMIT");
    const answered = await reading;

    const stored = await db.chatParticipant.findUniqueOrThrow({ where: { roomId_userId: { roomId: room.id, userId: reader.id } } });
    expect({ answered: answered.unread_count, stored: stored.unreadCount }).toEqual({ answered: 1, stored: 1 });
  } finally {
    await Promise.all([send.end(), watcher.end()]);
  }
});
