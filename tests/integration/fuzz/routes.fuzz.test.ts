// Hostile input over every route handler in the authorization table: random and hostile
// parameters and bodies. Every answer must be a valid result or a 4xx with a JSON error
// (never a 5xx, never a hang), and a rejected request must change nothing in the database.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { call, request } from "@/tests/support/http";
import { makeRoom, makeUser } from "@/tests/support/factories";
import { ROUTES, type Handler } from "@/tests/integration/authz/route-table";

const fuzzStats = { requests: 0, statuses: new Map<number, number>() };

const hostileString = fc.oneof(
  fc.string(),
  fc.string({ unit: "grapheme", maxLength: 50 }),
  fc.constantFrom(
    "", " ", "0", "-1", "1e309", "NaN", "Infinity", "9".repeat(40), "0x1f", "1.5", "١٢٣", "null", "undefined",
    "' OR 1=1 --", "'; DROP TABLE chat_message; --", "<script>alert(1)</script>", "<img src=x onerror=alert(1)>",
    "__proto__", "constructor", "prototype", "%00", "\u0000", "../../etc/passwd", "\ud800", "🙂".repeat(3000),
  ),
);
const hostileValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small" },
    hostileString,
    fc.integer(),
    fc.double(),
    fc.bigInt().map(String),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie("value"), { maxLength: 3 }),
    fc.dictionary(fc.oneof(hostileString, fc.constantFrom("__proto__", "constructor", "content", "client_id", "up_to_id", "kind")), tie("value"), { maxKeys: 4 }),
  ),
})).value;
const contentType = fc.constantFrom(
  "application/json",
  "application/json; charset=utf-8",
  "text/plain",
  "application/x-www-form-urlencoded",
  "multipart/form-data; boundary=x",
  "",
);
const query = fc.dictionary(fc.constantFrom("before", "after", "limit", "cursor", "q", "x", "__proto__"), hostileString, { maxKeys: 3 });
const safeEncode = (s: string) => {
  try {
    return encodeURIComponent(s);
  } catch {
    return "%ED%A0%80"; // a lone surrogate, percent-encoded as raw bytes
  }
};
const pathSegment = fc.oneof(hostileString.map(safeEncode), fc.constant("1"));

async function tableCounts() {
  const [users, rooms, participants, messages, readState] = await Promise.all([
    db.user.count(),
    db.chatRoom.count(),
    db.chatParticipant.count(),
    db.message.count(),
    db.chatParticipant.aggregate({ _sum: { unreadCount: true } }),
  ]);
  return { users, rooms, participants, messages, unread: readState._sum.unreadCount };
}

describe("hostile input never yields a 5xx", () => {
  let user: Awaited<ReturnType<typeof makeUser>>;
  let roomId: number;
  afterAll(() => {
    // The figures docs/RELIABILITY.md reports.
    console.log(JSON.stringify({ fuzz: { requests: fuzzStats.requests, statuses: Object.fromEntries(fuzzStats.statuses) } }));
  });
  beforeAll(async () => {
    user = await makeUser();
    const other = await makeUser();
    roomId = (await makeRoom([user.id, other.id])).id;
  });

  for (const route of ROUTES) {
    it(`${route.method} /api/${route.file}`, async () => {
      const mod = (await import(`@/app/api/${route.file}/route`)) as Record<string, Handler>;
      const handler = mod[route.method];
      await fc.assert(
        fc.asyncProperty(query, hostileValue, contentType, pathSegment, fc.boolean(), async (q, body, type, segment, rawBody) => {
          const params = Object.fromEntries(Object.keys(route.params({ roomId, jobId: 1, memberId: 1, socketId: "1.1" })).map((k) => [k, segment]));
          if ("roomId" in params && segment === "1") params.roomId = String(roomId);
          const path = `${route.path({ roomId, jobId: 1, memberId: 1, socketId: "1.1" }).split("?")[0]}?${new URLSearchParams(q)}`;
          const text = rawBody && typeof body === "string" ? body : (JSON.stringify(body) ?? "");
          const before = await tableCounts();
          const res = await call(handler, await request(user, route.method, path, { body: route.method === "GET" ? undefined : text, headers: { "content-type": type } }), params);
          fuzzStats.requests += 1;
          fuzzStats.statuses.set(res.status, (fuzzStats.statuses.get(res.status) ?? 0) + 1);
          expect(res.status, JSON.stringify({ path, type, text: text?.slice(0, 200), body: res.body })).toBeLessThan(500);
          if (res.status >= 400) {
            expect(res.body?.error?.code).toEqual(expect.any(String));
            expect(await tableCounts()).toEqual(before);
          }
        }),
        { numRuns: 60, interruptAfterTimeLimit: 20_000 },
      );
    }, 60_000);
  }

  it("refuses a 2 MB body before parsing it", async () => {
    const big = JSON.stringify({ content: "x".repeat(2 * 1024 * 1024), client_id: crypto.randomUUID() });
    const mod = await import("@/app/api/chat/rooms/[roomId]/messages/route");
    const before = await tableCounts();
    const variants: Array<Record<string, string>> = [
      { "content-type": "application/json" },
      { "content-type": "application/json", "content-length": String(big.length) },
    ];
    for (const headers of variants) {
      const res = await call(mod.POST, await request(user, "POST", `/api/chat/rooms/${roomId}/messages`, { body: big, headers }), { roomId: String(roomId) });
      expect(res.status).toBe(413);
      expect(res.body.error.code).toBe("payload_too_large");
    }
    expect(await tableCounts()).toEqual(before);
  });
});
