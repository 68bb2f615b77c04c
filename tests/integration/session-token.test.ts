// The session cookie as route handlers read it (lib/auth/session-token.ts keeps next-auth's
// derived key between calls): tokens minted by next-auth's own encode are accepted, and the
// cache never makes a token under another secret, a tampered one or an expired one pass.
import { encode } from "next-auth/jwt";
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { GET as listRoute } from "@/app/api/chat/rooms/route";
import { call, BASE } from "@/tests/support/http";
import { makeUser } from "@/tests/support/factories";

type User = Awaited<ReturnType<typeof makeUser>>;

async function token(user: User, options: { secret?: string; maxAge?: number } = {}) {
  return encode({
    token: { uid: user.id, username: user.username, role: "USER", name: user.username },
    secret: options.secret ?? process.env.NEXTAUTH_SECRET ?? "",
    maxAge: options.maxAge,
  });
}

const listWith = async (cookie: string) =>
  call(listRoute, new NextRequest(new URL("/api/chat/rooms", BASE), { headers: { cookie: `next-auth.session-token=${cookie}` } }));

describe("session token decode with the derived key kept", () => {
  it("accepts next-auth's tokens, call after call, for each user", async () => {
    const [a, b] = await Promise.all([makeUser(), makeUser()]);
    for (const user of [a, b, a]) expect((await listWith(await token(user))).status).toBe(200);
  });

  it("refuses a token under another secret, a tampered one and an expired one (401)", async () => {
    const user = await makeUser();
    expect((await listWith(await token(user))).status).toBe(200);
    expect((await listWith(await token(user, { secret: "another-secret-that-is-long-enough-0123456789" }))).status).toBe(401);
    const good = await token(user);
    const parts = good.split(".");
    parts[3] = `${parts[3].slice(0, -2)}${parts[3].endsWith("AA") ? "BB" : "AA"}`;
    expect((await listWith(parts.join("."))).status).toBe(401);
    // Past the 15 s clock tolerance.
    expect((await listWith(await token(user, { maxAge: -60 }))).status).toBe(401);
  });
});
