// Authorization matrix for realtime channels: every channel name lib/realtime/channels.ts can
// build, and names derived from them, × {anonymous, stranger, participant, deactivated, admin}
// through POST /api/pusher/auth. A 200 must carry a signature that is valid for exactly this
// socket and channel (and, on a presence channel, this user); anything else signs nothing.
import { createHmac } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { POST } from "@/app/api/pusher/auth/route";
import * as channels from "@/lib/realtime/channels";
import { call, request, type Caller } from "@/tests/support/http";
import { makeRoom, makeUser } from "@/tests/support/factories";
import { CHANNEL_BUILDERS, channelCases, type ChannelFixture } from "@/tests/integration/authz/channel-table";
import type { Role } from "@/tests/integration/authz/route-table";

const ROLES: Role[] = ["anonymous", "stranger", "participant", "deactivated", "admin"];

describe("channel authorization matrix", () => {
  it("lists every channel builder in lib/realtime/channels.ts (a new channel must be added to the table)", () => {
    const builders = Object.entries(channels)
      .filter(([name, value]) => typeof value === "function" && name.endsWith("Channel"))
      .map(([name]) => name)
      .sort();
    expect(builders.length).toBeGreaterThanOrEqual(2);
    expect(Object.keys(CHANNEL_BUILDERS).sort()).toEqual(builders);
    // Every builder has a row a caller may subscribe to and one that is refused.
    for (const { cases } of Object.values(CHANNEL_BUILDERS)) {
      expect(cases.some((c) => Object.values(c.expect).includes(200))).toBe(true);
      expect(cases.some((c) => !Object.values(c.expect).includes(200))).toBe(true);
    }
  });

  let callers: Record<Role, Caller>;
  let base: Omit<ChannelFixture, "selfId">;
  beforeEach(async () => {
    const [participant, stranger, deactivated, admin, other] = await Promise.all([
      makeUser(),
      makeUser(),
      makeUser({ isActive: false }),
      makeUser({ role: "ADMIN" }),
      makeUser(),
    ]);
    const [memberRoom, otherRoom] = await Promise.all([makeRoom([participant.id, deactivated.id]), makeRoom([other.id])]);
    callers = { anonymous: null, stranger, participant, deactivated, admin };
    base = { otherUserId: other.id, memberRoomId: memberRoom.id, otherRoomId: otherRoom.id, missingRoomId: otherRoom.id + 1_000_000 };
  });

  for (const c of channelCases()) {
    it(`${c.name}: ${ROLES.map((r) => `${r} ${c.expect[r]}`).join(", ")}`, async () => {
      for (const role of ROLES) {
        const caller = callers[role];
        const fixture: ChannelFixture = { ...base, selfId: caller?.id ?? (callers.participant?.id as number) };
        const body = c.body(fixture);
        const init = body.json
          ? { json: body.json }
          : { body: body.raw ?? new URLSearchParams(body.form).toString(), headers: { "content-type": "application/x-www-form-urlencoded" } };
        const res = await call(POST, await request(caller, "POST", "/api/pusher/auth", init));
        const what = `${role}: ${JSON.stringify(body)} → ${res.status} ${JSON.stringify(res.body)}`;
        expect(res.status, what).toBe(c.expect[role]);
        if (res.status !== 200) {
          expect(Object.keys(res.body), what).toEqual(["error"]);
          continue;
        }
        // The signature pusher-js will present: HMAC-SHA256 over socket:channel[:channel_data].
        const form = body.form ?? {};
        const [key, signature] = String(res.body.auth).split(":");
        const signed = [form.socket_id, form.channel_name, res.body.channel_data].filter((p) => p !== undefined).join(":");
        expect(key, what).toBe(process.env.PUSHER_KEY);
        expect(signature, what).toBe(
          createHmac("sha256", process.env.PUSHER_SECRET ?? "")
            .update(signed)
            .digest("hex"),
        );
        if (form.channel_name?.startsWith("presence-")) expect(JSON.parse(res.body.channel_data).user_id, what).toBe(String(caller?.id));
        else expect(res.body.channel_data, what).toBeUndefined();
      }
    });
  }
});
