// PostgreSQL's text and jsonb cannot store U+0000. Text that is stored or searched refuses it with
// a 400 before the database sees it (NO_NUL in lib/chat/schemas.ts), in bodies, queries and
// server actions alike.
// next-scope first: it installs the request scope Next.js reads when its modules load.
import { asCaller } from "@/tests/support/next-scope";
import { describe, expect, it } from "vitest";
import { sendMessageAction } from "@/app/(chat)/actions";
import { POST as sendRoute } from "@/app/api/chat/rooms/[roomId]/messages/route";
import { GET as usersRoute } from "@/app/api/chat/users/route";
import { db } from "@/lib/db";
import { makeRoom, makeUser } from "@/tests/support/factories";
import { call, request } from "@/tests/support/http";

describe("the NUL character", () => {
  it("is refused in a message body, a search query and a server action, and nothing is stored", async () => {
    const a = await makeUser();
    const b = await makeUser();
    const room = await makeRoom([a.id, b.id], "GROUP", "Nul room");
    const sent = await call(
      sendRoute,
      await request(a, "POST", `/api/chat/rooms/${room.id}/messages`, {
        json: { content: "before\u0000after 漢字 😀", client_id: crypto.randomUUID() },
      }),
      { roomId: String(room.id) },
    );
    expect(sent.status).toBe(400);
    expect(sent.body).toMatchObject({ error: { code: "invalid_input" } });

    const search = await call(usersRoute, await request(a, "GET", "/api/chat/users?q=%00"));
    expect(search.status).toBe(400);

    const { value: action } = await asCaller(a, () => sendMessageAction({ room_id: room.id, content: "\u0000", client_id: crypto.randomUUID() }));
    expect(action).toMatchObject({ ok: false, error: { code: "invalid_input" } });

    expect(await db.message.count({ where: { roomId: room.id } })).toBe(0);
  });
});
