// Every mutation route handler under app/api refuses a cross-site request (another site's
// Origin, or Sec-Fetch-Site: cross-site) with 403 before it reads a session or a body, found by
// walking the route files, so a new route that skips the check fails here. The exceptions:
// next-auth's own /api/auth/*, which has its CSRF token (tests/e2e/security.spec.ts tries it), and
// the one-click unsubscribe, which mail clients POST from their own servers (RFC 8058): its signed
// token is its only authority, so cross-site it still refuses anything without a valid one (below).
// Server actions are posted to page URLs: proxy.ts refuses those (the same e2e spec replays one).
import { readdirSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { makeUser } from "@/tests/support/factories";
import { type Caller, call, request } from "@/tests/support/http";

const MUTATIONS = ["POST", "PUT", "PATCH", "DELETE"] as const;
const OWN_CSRF_PROTECTION = ["app/api/auth/[...nextauth]/route.ts", "app/api/notify/unsubscribe/route.ts"];

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? routeFiles(full) : entry.name === "route.ts" ? [full] : [];
  });
}

// Ids no row has: a request that got through would find nothing to change.
const NO_SUCH_ID = "2147483647";

/** The URL and params Next would pass for a route file, every dynamic segment an unused id. */
function target(file: string): { url: string; params: Record<string, string | string[]> } {
  const params: Record<string, string | string[]> = {};
  const segments = path
    .dirname(file)
    .split(path.sep)
    .slice(1)
    .map((segment) => {
      const catchAll = /^\[\.\.\.(\w+)\]$/.exec(segment);
      if (catchAll) {
        params[catchAll[1]] = [NO_SUCH_ID];
        return NO_SUCH_ID;
      }
      const dynamic = /^\[(\w+)\]$/.exec(segment);
      if (dynamic) {
        params[dynamic[1]] = NO_SUCH_ID;
        return NO_SUCH_ID;
      }
      return segment;
    });
  return { url: `/${segments.join("/")}`, params };
}

type Handler = Parameters<typeof call>[0];
const mutations = routeFiles("app/api")
  .filter((file) => !OWN_CSRF_PROTECTION.includes(file))
  .map((file) => ({ file, ...target(file) }));

let admin: Caller = null;
beforeAll(async () => {
  admin = await makeUser({ role: "ADMIN" });
});

describe("cross-site requests to mutation routes", () => {
  it("finds the mutation routes", async () => {
    let count = 0;
    for (const { file } of mutations) {
      const mod = (await import(path.resolve(file))) as Record<string, unknown>;
      count += MUTATIONS.filter((m) => typeof mod[m] === "function").length;
    }
    expect(count).toBeGreaterThanOrEqual(11);
  });

  const variants: Array<Record<string, string>> = [{ origin: "https://evil.example" }, { "sec-fetch-site": "cross-site" }, { origin: "null" }];
  for (const crossSite of variants) {
    it(`refuses every one with 403 (${JSON.stringify(crossSite)}), even for a signed-in admin`, async () => {
      const answers: string[] = [];
      for (const { file, url, params } of mutations) {
        const mod = (await import(path.resolve(file))) as Record<string, Handler | undefined>;
        for (const method of MUTATIONS) {
          const handler = mod[method];
          if (!handler) continue;
          const res = await call(handler, await request(admin, method, url, { json: {}, headers: crossSite }), params);
          answers.push(`${method} ${url} ${res.status} ${res.body?.error?.code}`);
        }
      }
      expect(answers.length).toBeGreaterThanOrEqual(11);
      expect(answers.filter((a) => !a.endsWith(" 403 forbidden"))).toEqual([]);
    });
  }

  it("lets the same requests through the check from the app's own origin", async () => {
    // Not a 403: the handlers then answer on their own terms (validation, not found, ...).
    for (const { file, url, params } of mutations) {
      const mod = (await import(path.resolve(file))) as Record<string, Handler | undefined>;
      for (const method of MUTATIONS) {
        const handler = mod[method];
        if (!handler) continue;
        const res = await call(
          handler,
          await request(admin, method, url, { json: {}, headers: { origin: "http://localhost:3000", host: "localhost:3000" } }),
          params,
        );
        expect(res.status, `${method} ${url} ${JSON.stringify(res.body)}`).not.toBe(403);
      }
    }
  });

  it("the one-click unsubscribe, open to other sites, refuses a missing or forged token with 400", async () => {
    const { POST } = await import("@/app/api/notify/unsubscribe/route");
    for (const query of ["", "?token=forged.token", "?token="]) {
      const res = await call(POST, await request(null, "POST", `/api/notify/unsubscribe${query}`, { headers: { origin: "https://evil.example" } }));
      expect(res.status, query).toBe(400);
      expect(res.body.error.code).toBe("invalid_input");
    }
  });
});
