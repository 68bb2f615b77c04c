// Hostile input over every route handler in app/api (found at test time, so a new route is
// fuzzed without being listed): random and hostile paths, queries, bodies, content types and
// headers. Every answer must be a valid result or a 4xx with a JSON error (never a 5xx, never a
// throw, never a hang), and a rejected request must change nothing in the database.
import { inNextScope } from "@/tests/support/next-scope";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { resetEnvCache } from "@/lib/env";
import { sendMessage } from "@/lib/chat/send";
import { call, request, type Caller } from "@/tests/support/http";
import { makeRoom, makeUser } from "@/tests/support/factories";
import { dbFingerprint, type Fingerprint } from "@/tests/support/db-fingerprint";
import {
  FUZZ_SEED,
  FuzzTally,
  fuzzParameters,
  within,
  hostileCursor,
  hostileHeader,
  hostileIdText,
  hostileJson,
  hostileString,
  hostileUrlString,
  label,
  TWO_MB,
} from "@/tests/support/hostile-input";
import { routeMethods, type RouteMethod } from "@/tests/integration/authz/route-files";
import type { Role } from "@/tests/integration/authz/route-table";
import { delivered } from "@/tests/support/delivered";
import { attachmentFixture } from "@/tests/support/attachments";

type Fixture = {
  roomId: number;
  userId: number;
  messageId: number;
  jobId: number;
  uploadId: string;
  uploadToken: string;
  attachmentId: string;
  reportId: number;
  suspensionId: number;
};

// Admin routes last: they may deactivate the fixture's member, which the chat routes use.
const ROUTES = (await routeMethods()).sort((a, b) => Number(a.file.startsWith("admin/")) - Number(b.file.startsWith("admin/")));
const NEXTAUTH = "auth/[...nextauth]";
const UPLOAD_CONTENT = "chat/uploads/[uploadId]/content";
const METRICS_TOKEN = "fuzz-metrics-token-0123456789";
const MARKETPLACE_TOKEN = "fuzz-marketplace-token-0123456789abcdef";
const ASSIGNMENT = "jobs/[jobId]/assignment";
const RUNS = 50;
const CALL_LIMIT_MS = 10_000;

/** Who calls a route in the fuzz: someone who gets past its door, so the input is what is tested. */
function mainCaller(route: RouteMethod): Role {
  if (route.file.startsWith("admin/")) return "admin";
  if (
    [
      "health",
      "metrics",
      "cron/outbox",
      "cron/cleanup",
      "cron/notifications",
      "notify/unsubscribe",
      "realtime/config",
      NEXTAUTH,
      ASSIGNMENT,
      UPLOAD_CONTENT,
    ].includes(route.file)
  )
    return "anonymous";
  return "participant";
}

const tally = new FuzzTally();
const failures = { fiveXx: 0, threw: 0, hung: 0 };

const contentType = fc.constantFrom(
  "application/json",
  "application/json; charset=utf-8",
  "text/plain",
  "application/x-www-form-urlencoded",
  "multipart/form-data; boundary=x",
  "",
);
const queryKey = fc.constantFrom("before", "after", "around", "limit", "cursor", "q", "x", "reason", "error", "callbackUrl", "token", "__proto__");
const formKey = fc.oneof(
  fc.constantFrom("email", "password", "csrfToken", "callbackUrl", "json", "socket_id", "channel_name", "content", "client_id", "role", "__proto__"),
  hostileString,
);
const body = fc.oneof(
  hostileJson.map((v) => JSON.stringify(v) ?? ""),
  hostileString,
  fc.dictionary(formKey, hostileString, { maxKeys: 5 }).map((fields) => new URLSearchParams(fields).toString()),
);
// "1" stands for the fixture's own id for that segment, so the valid path is explored too.
const segment = fc.oneof(
  { arbitrary: hostileUrlString, weight: 3 },
  { arbitrary: hostileIdText, weight: 2 },
  { arbitrary: fc.constant("1"), weight: 2 },
);
const queryValue = fc.oneof(hostileUrlString, hostileIdText, hostileCursor);
// Next routes /api/auth/a/b to [...nextauth] as ["a", "b"]: at least one segment, none empty.
const nextauthPath = fc.oneof(
  fc.constantFrom<string[]>(
    ["session"],
    ["csrf"],
    ["providers"],
    ["signin"],
    ["signout"],
    ["callback", "credentials"],
    ["signin", "credentials"],
    ["error"],
    ["_log"],
  ),
  fc.array(
    hostileUrlString.filter((s) => s !== "" && s !== "." && s !== ".."),
    { minLength: 1, maxLength: 3 },
  ),
);
const someHeaders = fc.record(
  {
    "x-forwarded-for": hostileHeader,
    "x-real-ip": hostileHeader,
    origin: fc.constantFrom("http://localhost:3000", "https://evil.example", "null", "not a url"),
    authorization: fc.oneof(
      hostileHeader,
      fc.constant(`Bearer ${METRICS_TOKEN}`),
      fc.constant(`Bearer ${MARKETPLACE_TOKEN}`),
      hostileHeader.map((h) => `Bearer ${h}`),
    ),
    cookie: hostileHeader.map((h) => `next-auth.session-token=${h}`),
    "x-request-id": hostileHeader,
  },
  { requiredKeys: [] },
);
// Mostly plain requests, so the body and path get past the cross-site and session checks.
const headers = fc.oneof({ arbitrary: fc.constant({}), weight: 2 }, { arbitrary: someHeaders, weight: 1 });

/** A valid body for each route that takes one, so the fuzz also walks the success path. */
function validBody(route: RouteMethod, f: Fixture): { json?: Record<string, unknown>; form?: Record<string, string> } | null {
  switch (`${route.method} ${route.file}`) {
    case "POST chat/rooms":
      return { json: { kind: "GROUP", name: "Fuzz room", member_ids: [f.userId] } };
    case "POST chat/rooms/[roomId]/messages":
      // Mention tokens: a member, ids that name no one (0, beyond PostgreSQL's integer); a reply.
      return { json: { content: `fuzz hello <@${f.userId}> <@0> <@2147483648>`, client_id: crypto.randomUUID(), reply_to_id: f.messageId } };
    case "PATCH chat/rooms/[roomId]/messages/[messageId]":
      return { json: { content: `fuzz edit <@${f.userId}> <@99999999999>` } };
    case "POST chat/rooms/[roomId]/read":
      return { json: { up_to_id: f.messageId } };
    case "PATCH chat/me/settings":
      return { json: { read_receipts: false } };
    case "POST chat/me/blocks":
      return { json: { user_id: f.userId } };
    case "POST chat/rooms/[roomId]/members":
      return { json: { user_ids: [f.userId] } };
    case "POST chat/rooms/[roomId]/uploads":
      return { json: { name: "fuzz.pdf", size: 1000, content_type: "application/pdf" } };
    case "POST admin/users/[userId]/role":
      return { json: { role: "ADMIN" } };
    case "POST admin/rooms/[roomId]/owner":
      return { json: { user_id: f.userId } };
    case "POST chat/reports":
      return { json: { message_id: f.messageId, reason: "spam", note: "fuzz 漢字 🙂 مرحبا" } };
    case "POST admin/reports/[reportId]/resolve":
      return { json: { action: "suspend", duration: "24h", note: "fuzz" } };
    case "POST admin/users/[userId]/suspend":
      return { json: { duration: "7d", note: "fuzz" } };
    case "POST admin/suspensions/[suspensionId]/lift":
      return { json: { note: "fuzz" } };
    case "POST pusher/auth":
      return { form: { socket_id: "123.456", channel_name: `presence-room-${f.roomId}` } };
    case `POST ${ASSIGNMENT}`:
      return { json: { client_id: f.userId, cleaner_id: null, status: "booked" } };
    case "POST pusher/user-auth":
      return { form: { socket_id: "123.456" } };
    case `POST ${NEXTAUTH}`:
      return { form: { email: "nobody@test.example", password: "password123", callbackUrl: "/" } };
    default:
      return null;
  }
}

/** The valid body with, most of the time, one or two fields replaced by hostile values. */
function nearValidBody(valid: NonNullable<ReturnType<typeof validBody>>): fc.Arbitrary<{ text: string; type: string }> {
  const fields = valid.json ?? valid.form ?? {};
  const names = Object.keys(fields);
  const type = fc.oneof(
    { arbitrary: fc.constant(valid.json ? "application/json" : "application/x-www-form-urlencoded"), weight: 4 },
    { arbitrary: contentType, weight: 1 },
  );
  const replace = <T>(values: fc.Arbitrary<T>) =>
    fc.oneof({ arbitrary: fc.constant({}), weight: 1 }, { arbitrary: fc.dictionary(fc.constantFrom(...names), values, { maxKeys: 2 }), weight: 3 });
  if (valid.json) return fc.tuple(replace(hostileJson), type).map(([r, t]) => ({ text: JSON.stringify({ ...valid.json, ...r }), type: t }));
  const form = valid.form ?? {};
  return fc.tuple(replace(hostileString), type).map(([r, t]) => ({ text: new URLSearchParams({ ...form, ...r }).toString(), type: t }));
}

const inputFor = (route: RouteMethod, f: Fixture) => {
  const valid = validBody(route, f);
  const hostile = fc.tuple(body, contentType).map(([text, type]) => ({ text, type }));
  const query = fc.dictionary(queryKey, queryValue, { maxKeys: 3 });
  return fc.record({
    // The upload door's own signed token, most of the time, so the bytes are what gets fuzzed.
    query:
      route.file === UPLOAD_CONTENT
        ? fc.oneof({ arbitrary: fc.constant<Record<string, string>>({ token: f.uploadToken }), weight: 3 }, { arbitrary: query, weight: 1 })
        : query,
    body: valid ? fc.oneof(hostile, nearValidBody(valid)) : hostile,
    segments: fc.array(segment, { minLength: 2, maxLength: 2 }),
    catchAll: nextauthPath,
    headers,
    withCsrf: fc.boolean(),
    // The marketplace's door: mostly with its token, so the body gets past it.
    withToken: fc.oneof({ arbitrary: fc.constant(true), weight: 3 }, { arbitrary: fc.constant(false), weight: 1 }),
    // Mostly the route's own kind of caller (null); sometimes anyone else.
    caller: fc.oneof(
      { arbitrary: fc.constant(null), weight: 4 },
      { arbitrary: fc.constantFrom<Role>("anonymous", "participant", "stranger", "deactivated", "admin"), weight: 1 },
    ),
  });
};

const safeEncode = (s: string) => {
  try {
    return encodeURIComponent(s);
  } catch {
    return "%ED%A0%80"; // a lone surrogate, percent-encoded as raw bytes
  }
};

describe("hostile input over every route handler", () => {
  let callers: Record<Role, Caller>;
  let fixture: Fixture;
  let csrf: { token: string; cookie: string };
  let last: Fingerprint;

  beforeAll(async () => {
    const [participant, member, stranger, deactivated, admin] = await Promise.all([
      makeUser(),
      makeUser(),
      makeUser(),
      makeUser({ isActive: false }),
      makeUser({ role: "ADMIN" }),
    ]);
    const room = await makeRoom([participant.id, member.id, deactivated.id]);
    const job = await db.job.create({ data: { title: "Fuzz job", clientId: participant.id, cleanerId: member.id } });
    const sent = await delivered(sendMessage({ userId: member.id, roomId: room.id, content: "fuzz target", clientId: crypto.randomUUID() }));
    callers = { anonymous: null, participant, stranger, deactivated, admin };
    const files = await attachmentFixture({ roomId: room.id, uploaderId: participant.id, messageId: sent.message.id });
    // An open report of the member's message (by the stranger, so the participant may still report it) and a suspension to lift.
    const report = await db.report.create({
      data: { reporterId: stranger.id, reportedUserId: member.id, messageId: sent.message.id, reason: "spam" },
    });
    const suspension = await db.userSuspension.create({ data: { userId: deactivated.id, reason: "fuzz", endsAt: null } });
    fixture = {
      roomId: room.id,
      userId: member.id,
      messageId: sent.message.id,
      jobId: job.id,
      ...files,
      reportId: Number(report.id),
      suspensionId: Number(suspension.id),
    };
    // A real CSRF pair from next-auth, so some sign-in attempts get as far as checking the password.
    const csrfRoute = ROUTES.find((r) => r.file === NEXTAUTH && r.method === "GET");
    if (!csrfRoute) throw new Error("no GET /api/auth/[...nextauth]");
    const res = await inNextScope(async () => {
      const response = await csrfRoute.handler(await request(null, "GET", "/api/auth/csrf"), { params: Promise.resolve({ nextauth: ["csrf"] }) });
      return { json: (await response.json()) as { csrfToken: string }, cookie: response.headers.get("set-cookie") ?? "" };
    });
    csrf = { token: res.value.json.csrfToken, cookie: res.value.cookie.split(";")[0] };
    expect(csrf.token).toMatch(/^[0-9a-f]{64}$/);
    process.env.METRICS_TOKEN = METRICS_TOKEN;
    process.env.MARKETPLACE_API_TOKEN = MARKETPLACE_TOKEN;
    resetEnvCache();
    last = await dbFingerprint();
  });

  afterAll(() => {
    delete process.env.METRICS_TOKEN;
    delete process.env.MARKETPLACE_API_TOKEN;
    resetEnvCache();
    // One JSON line of totals for the reliability report (requests, outcomes, failures).
    console.log(
      JSON.stringify({
        fuzz_routes: {
          seed: FUZZ_SEED,
          routes: ROUTES.length,
          requests: tally.total,
          statuses: tally.outcomeTable(),
          "5xx": failures.fiveXx,
          threw: failures.threw,
          hung: failures.hung,
          per_route: tally.targetTable(),
        },
      }),
    );
  });

  it("finds the route handlers to fuzz", () => {
    expect(ROUTES.length).toBeGreaterThanOrEqual(25);
    expect(ROUTES.map((r) => `${r.method} ${r.file}`)).toEqual(
      expect.arrayContaining([`POST ${NEXTAUTH}`, "GET metrics", "DELETE admin/messages/[messageId]"]),
    );
  });

  ROUTES.forEach((route, index) => {
    const name = `${route.method} /api/${route.file}`;
    it(name, async () => {
      const idFor = (segmentName: string) => String(fixture[segmentName as keyof Fixture] ?? 1);
      await fc.assert(
        fc.asyncProperty(inputFor(route, fixture), async (x) => {
          const params: Record<string, string | string[]> = {};
          let pathname = `/api/${route.file}`;
          route.segments.forEach((s, i) => {
            const value = s.catchAll ? x.catchAll : x.segments[i] === "1" ? idFor(s.name) : x.segments[i];
            params[s.name] = value;
            const encoded = Array.isArray(value) ? value.map(safeEncode).join("/") : safeEncode(value);
            pathname = pathname.replace(s.catchAll ? `[...${s.name}]` : `[${s.name}]`, encoded);
          });
          const hasBody = route.method !== "GET" && route.method !== "HEAD";
          let text = x.body.text;
          const extra: Record<string, string> = { ...x.headers, "content-type": x.body.type };
          if (route.file === ASSIGNMENT && x.withToken) extra.authorization ??= `Bearer ${MARKETPLACE_TOKEN}`;
          if (route.file === NEXTAUTH && x.withCsrf) {
            extra.cookie = csrf.cookie;
            text = `${text}&csrfToken=${csrf.token}`;
          }
          const path = `${pathname}?${new URLSearchParams(x.query)}`;
          const role = x.caller ?? mainCaller(route);
          const req = await request(callers[role], route.method, path, { body: hasBody ? text : undefined, headers: extra });
          const outcome = await within(
            inNextScope(() => call(route.handler, req, params), { headers: Object.fromEntries(req.headers), pathname }).then(
              (r) => r.value,
              (error: unknown) => ({ threw: error }),
            ),
            CALL_LIMIT_MS,
          );
          const what = () => JSON.stringify({ role, path: path.slice(0, 300), headers: label(extra), body: label(text.slice(0, 300)) });
          if (outcome === "hung") {
            failures.hung += 1;
            tally.add(name, "hung");
            expect.fail(`hung: ${what()}`);
          }
          if ("threw" in outcome) {
            failures.threw += 1;
            tally.add(name, "threw");
            expect.fail(`threw ${String(outcome.threw)}: ${what()}`);
          }
          tally.add(name, outcome.status);
          if (outcome.status >= 500) {
            failures.fiveXx += 1;
            expect.fail(`${outcome.status}: ${what()} → ${label(outcome.body)}`);
          }
          const now = await dbFingerprint();
          // next-auth's own answers (redirects, its error pages) are not our JSON; ours are.
          const ours = route.file !== NEXTAUTH || outcome.status === 413 || outcome.status === 429;
          if (outcome.status >= 400 && ours) {
            if (!outcome.body?.error) expect.fail(`no JSON error: ${what()} → ${outcome.status} ${label(outcome.body)}`);
            expect(outcome.body.error).toEqual({ code: expect.any(String), message: expect.any(String) });
          }
          // Sign-in with credentials and JWT sessions never writes, whatever the answer.
          if ((outcome.status >= 400 || route.file === NEXTAUTH) && JSON.stringify(now) !== JSON.stringify(last)) {
            expect(now, `a rejected request changed the database: ${what()}`).toEqual(last);
          }
          last = now;
        }),
        fuzzParameters(index, RUNS),
      );
    }, 60_000);
  });

  it("refuses a 2 MB body before parsing it, on every route that takes one", async () => {
    const big = JSON.stringify({ content: TWO_MB, client_id: crypto.randomUUID(), channel_name: "x", role: "ADMIN", user_ids: [1] });
    const form = `email=${TWO_MB}&password=x&socket_id=1.1&channel_name=x`;
    const checked: string[] = [];
    // The fuzz above may have deactivated or demoted the callers, or taken the participant out of
    // the room (which of these happens depends on the seeds): restore them, so every route is
    // reached by a caller it lets through to the body.
    const [participant, admin] = [callers.participant, callers.admin].map((c) => c?.id ?? 0);
    await db.user.update({ where: { id: participant }, data: { isActive: true, role: "USER" } });
    await db.user.update({ where: { id: admin }, data: { isActive: true, role: "ADMIN" } });
    await db.userSuspension.updateMany({ where: { userId: { in: [participant, admin] }, liftedAt: null }, data: { liftedAt: new Date() } });
    await db.chatParticipant.createMany({ data: [{ roomId: fixture.roomId, userId: participant }], skipDuplicates: true });
    for (const route of ROUTES.filter((r) => r.method !== "GET" && r.method !== "HEAD")) {
      const params: Record<string, string | string[]> = {};
      let pathname = `/api/${route.file}`;
      for (const s of route.segments) {
        const value = s.catchAll ? ["callback", "credentials"] : String(fixture[s.name as keyof Fixture] ?? 1);
        params[s.name] = value;
        pathname = pathname.replace(s.catchAll ? `[...${s.name}]` : `[${s.name}]`, Array.isArray(value) ? value.join("/") : value);
      }
      const variants: Array<[string, Record<string, string>]> = [
        [big, { "content-type": "application/json" }],
        [big, { "content-type": "application/json", "content-length": String(big.length) }],
        [form, { "content-type": "application/x-www-form-urlencoded" }],
        [form, { "content-type": "application/x-www-form-urlencoded", "content-length": String(form.length) }],
      ];
      for (const [payload, h] of variants) {
        const before = await dbFingerprint();
        const req = await request(callers[mainCaller(route)], route.method, pathname, {
          body: payload,
          headers: {
            ...h,
            "x-forwarded-for": `10.9.${checked.length}.1`,
            ...(route.file === ASSIGNMENT ? { authorization: `Bearer ${MARKETPLACE_TOKEN}` } : {}),
          },
        });
        const res = (await inNextScope(() => call(route.handler, req, params), { headers: Object.fromEntries(req.headers), pathname })).value;
        const what = `${route.method} ${pathname} ${JSON.stringify(h)} → ${res.status} ${label(res.body)}`;
        // Either refused as too large, or the handler never reads a body at all.
        if (res.status === 413) {
          expect(res.body.error.code, what).toBe("payload_too_large");
          expect(await dbFingerprint(), what).toEqual(before);
          checked.push(what);
        } else {
          expect(req.bodyUsed, `read a 2 MB body instead of refusing it: ${what}`).toBe(false);
          expect(res.status, what).toBeLessThan(500);
        }
      }
    }
    // The routes that take a body: send, read, create room, add members, role, channel auth, sign-in, job assignment.
    expect(checked.length).toBeGreaterThanOrEqual(8 * 2);
    last = await dbFingerprint();
  }, 60_000);
});
