// Web security in a real browser against `next start`: the per-request Content-Security-Policy
// and the other headers, no policy violation while chatting, XSS payloads rendered as text,
// session cookie flags, cross-site mutations refused, and no secret in what the browser gets.
import { randomUUID } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import type { APIResponse, Page } from "@playwright/test";
import { expect, test } from "./support/fixtures";
import { signInThroughForm } from "./support/admin";
import { expectConnected, messageList, messageWithText, openRoom, roomLink, send, unique } from "./support/chat";
import { USERS } from "./support/users";
import { expectClean, pageState, watch } from "./support/violations";

const EVIL = "https://evil.example";

const directives = (policy: string) =>
  Object.fromEntries(
    policy
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .map(([name, ...values]) => [name, values]),
  );

function expectSecurityHeaders(response: APIResponse): string {
  const headers = response.headers();
  const policy = headers["content-security-policy"];
  expect(policy, `${response.url()} has a Content-Security-Policy`).toBeTruthy();
  const d = directives(policy);
  const nonce = /^'nonce-([A-Za-z0-9+/=]+)'$/.exec(d["script-src"]?.[1] ?? "")?.[1] ?? "";
  expect(nonce.length).toBeGreaterThanOrEqual(22);
  // next start is production: no 'unsafe-eval', no 'unsafe-inline' at all.
  expect(policy).not.toContain("unsafe-");
  expect(d["script-src"]).toEqual(["'self'", `'nonce-${nonce}'`, "'strict-dynamic'"]);
  expect(d["style-src"]).toEqual(["'self'", `'nonce-${nonce}'`]);
  expect(d["default-src"]).toEqual(["'self'"]);
  expect(d["frame-ancestors"]).toEqual(["'none'"]);
  expect(d["object-src"]).toEqual(["'none'"]);
  expect(d["base-uri"]).toEqual(["'self'"]);
  expect(d["form-action"]).toEqual(["'self'"]);
  expect(d["img-src"]).toEqual(["'self'", "data:", "blob:"]);
  expect(d["font-src"]).toEqual(["'self'"]);
  // The app, and the embedded realtime server the e2e server started on a free port.
  expect(d["connect-src"][0]).toBe("'self'");
  expect(d["connect-src"].slice(1).map((s: string) => s.replace(/:\d+$/, ":PORT"))).toEqual([
    "ws://127.0.0.1:PORT",
    "http://127.0.0.1:PORT",
    "wss://127.0.0.1:PORT",
    "https://127.0.0.1:PORT",
  ]);
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["x-frame-options"]).toBe("DENY");
  return nonce;
}

test("every page carries a fresh CSP nonce, on all of its scripts, and the security headers", async ({ request, signedIn }) => {
  const nonces = new Set<string>();
  const check = async (response: APIResponse, status: number) => {
    expect(response.status(), response.url()).toBe(status);
    const nonce = expectSecurityHeaders(response);
    nonces.add(nonce);
    const html = await response.text();
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length, `${response.url()} has scripts`).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag, response.url()).toContain(`nonce="${nonce}"`);
  };
  await check(await request.get("/login"), 200);
  await check(await request.get("/login"), 200);
  await check(await request.get("/register"), 200);
  await check(await request.get("/no-such-page"), 404);

  const alice = await signedIn("alice");
  await alice.goto("/");
  const roomId = await openRoom(alice, /End-of-tenancy clean/);
  await check(await alice.request.get("/"), 200);
  await check(await alice.request.get(`/rooms/${roomId}`), 200);
  await check(await alice.request.get("/admin"), 404); // the admin gate's 404 page gets the policy too
  expect(nonces.size).toBe(7);

  // JSON routes need no policy but keep the static headers.
  const api = await request.get("/api/health");
  expect(api.headers()["x-content-type-options"]).toBe("nosniff");
});

test("the policy itself blocks an injected inline handler, and the watcher sees it", async ({ signedIn, pageErrors }) => {
  // What the injected <img src=x onerror=…> causes: the blocked handler, and the missing image.
  pageErrors.allow(/^console\.error: Executing inline event handler violates the following Content Security Policy directive 'script-src /);
  pageErrors.allow(/status of 404 \(Not Found\) \[http:\/\/localhost:\d+\/x\]/);
  // Defence in depth, and proof that the violation checks below can fail.
  const alice = await signedIn("alice");
  const problems = await watch(alice);
  await alice.goto("/");
  await expect(alice.getByRole("navigation", { name: "Conversations" })).toBeVisible();
  await alice.evaluate(() => document.body.insertAdjacentHTML("beforeend", "<img src=x onerror=window.__xss=1>"));
  await expect.poll(async () => (await pageState(alice)).csp).toEqual([expect.stringMatching(/^script-src-attr blocked inline/)]);
  expect((await pageState(alice)).xss).toBeUndefined();
  await expect.poll(() => problems.some((p) => p.startsWith("console:"))).toBe(true);
});

test("signing in, chatting and live delivery cause no policy violation", async ({ browser, signedIn }) => {
  const bob = await signedIn("bob");
  const bobProblems = await watch(bob);
  await bob.goto("/");
  await expectConnected(bob);

  const context = await browser.newContext();
  const alice = await context.newPage();
  const aliceProblems = await watch(alice);
  await alice.goto("/login");
  await expect(alice.getByRole("button", { name: "Sign in" })).toBeEnabled(); // hydrated
  await expectClean(alice, aliceProblems);
  await signInThroughForm(alice, USERS.alice.email);
  await expectConnected(alice); // the WebSocket to the realtime server is allowed by connect-src

  await openRoom(alice, /End-of-tenancy clean/);
  const text = unique("CSP check");
  await send(alice, text);
  await expect(messageWithText(alice, text)).toContainText("Sent");
  await expect(roomLink(bob, /End-of-tenancy clean/)).toContainText(text); // delivered live
  await openRoom(bob, /End-of-tenancy clean/);
  await expect(messageWithText(bob, text)).toHaveCount(1);

  await expectClean(alice, aliceProblems);
  await expectClean(bob, bobProblems);
  await context.close();
});

const MALLORY_NAME = "<img src=x onerror=window.__xss=1> Mallory";
const PAYLOADS = [
  "<img src=x onerror=window.__xss=1>",
  "<script>window.__xss=1</script>",
  "javascript:window.__xss=1",
  '<a href="javascript:window.__xss=1">click me</a>',
  '"><svg onload=window.__xss=1>',
  "<img src=x onerror=alert(1)>",
  'https://example.com/"><img src=x onerror=window.__xss=1>',
  "<iframe src=\"javascript:window.__xss=1\"></iframe> {{constructor.constructor('window.__xss=1')()}}",
];

/** No element a payload could have produced, and no link that runs script. */
async function expectNoInjectedMarkup(page: Page): Promise<void> {
  const injected = await page.evaluate(() => ({
    handlers: document.querySelectorAll("[onerror], [onload], [onclick]").length,
    brokenImages: document.querySelectorAll('img[src="x"]').length,
    frames: document.querySelectorAll("iframe").length,
    scriptLinks: [...document.querySelectorAll("a[href]")].filter((a) => /^\s*javascript:/i.test(a.getAttribute("href") ?? "")).length,
    payloadScripts: [...document.scripts].filter((s) => s.textContent?.trim().startsWith("window.__xss")).length,
  }));
  expect(injected).toEqual({ handlers: 0, brokenImages: 0, frames: 0, scriptLinks: 0, payloadScripts: 0 });
}

test("XSS payloads in messages, display names and room names render as text and run nothing", async ({ browser, signedIn, asAdmin }) => {
  test.setTimeout(180_000); // three people, eight messages, two renderings, two admin pages
  const alice = await signedIn("alice");
  const aliceProblems = await watch(alice);
  await alice.goto("/");
  await expectConnected(alice);

  // Mallory registers with a hostile display name and starts a group with a hostile name.
  const context = await browser.newContext();
  const mallory = await context.newPage();
  const malloryProblems = await watch(mallory);
  const handle = `mallory_${randomUUID().slice(0, 8)}`;
  await mallory.goto("/register");
  await mallory.getByLabel("Name", { exact: true }).fill(MALLORY_NAME);
  await mallory.getByLabel("Username").fill(handle);
  await mallory.getByLabel("Email").fill(`${handle}@example.com`);
  await mallory.getByLabel("Password").fill("a-long-password");
  await mallory.getByRole("button", { name: "Create account" }).click();
  await expect(mallory.getByText("No conversations yet")).toBeVisible();
  await expectConnected(mallory);
  // Mallory is a stranger to Alice, who could not find her (lib/safety/reach.ts): a group an admin
  // makes for them both introduces them.
  const idOf = async (page: Page) => ((await (await page.request.get("/api/auth/session")).json()) as { user: { id: number } }).user.id;
  const introduced = await (await asAdmin()).request.post("/api/chat/rooms", {
    data: { kind: "GROUP", name: `Introductions ${handle}`, member_ids: [await idOf(alice), await idOf(mallory)] },
  });
  expect(introduced.status()).toBe(201);

  const roomName = `"><svg onload=window.__xss=1> crew ${randomUUID().slice(0, 6)}`;
  await mallory.getByRole("button", { name: "New group" }).click();
  const dialog = mallory.getByRole("dialog", { name: "New group" });
  await dialog.getByLabel("Group name").fill(roomName);
  await dialog.getByLabel("Search people").fill("Alice");
  await dialog.getByRole("checkbox", { name: /Alice Client/ }).check();
  await dialog.getByRole("button", { name: "Create group" }).click();
  await expect(mallory.getByRole("heading", { level: 1, name: roomName })).toBeVisible();
  await expect(mallory.locator(`section[data-subscribed="true"]`)).toBeVisible({ timeout: 20_000 });
  for (const payload of PAYLOADS) {
    await send(mallory, payload);
    await expect(messageWithText(mallory, payload)).toContainText("Sent");
  }

  // Alice gets the room and the messages live, then from the server after a reload.
  await expect(roomLink(alice, roomName)).toBeVisible();
  const roomId = await openRoom(alice, roomName);
  for (const reload of [false, true]) {
    if (reload) await alice.reload();
    await expect(alice.getByRole("heading", { level: 1, name: roomName })).toBeVisible();
    // Exactly the text sent (the sender's name, itself a payload, is beside it, not in it).
    for (const payload of PAYLOADS) await expect(messageList(alice).getByText(payload, { exact: true })).toHaveCount(1);
    await expect(messageList(alice).getByText(MALLORY_NAME, { exact: true }).first()).toBeVisible();
    await expect(roomLink(alice, roomName)).toBeVisible();
    await expectNoInjectedMarkup(alice);
    await expectClean(alice, aliceProblems);
  }
  // The only link among them is the genuine https one, cut before the quote.
  await expect(messageList(alice).getByRole("link")).toHaveCount(1);
  await expect(messageList(alice).getByRole("link")).toHaveAttribute("href", "https://example.com/");

  // Alice looks Mallory up to start a direct message: the name shows as text there too.
  await alice.getByRole("button", { name: "New message" }).click();
  await alice.getByRole("dialog", { name: "New message" }).getByLabel("Search people").fill(handle);
  await expect(alice.getByRole("dialog", { name: "New message" }).getByText(MALLORY_NAME)).toBeVisible();
  await expectNoInjectedMarkup(alice);
  await expectClean(alice, aliceProblems);

  await expectNoInjectedMarkup(mallory);
  await expectClean(mallory, malloryProblems);

  // The admin pages show the same strings, as text.
  const admin = await asAdmin();
  const adminProblems = await watch(admin);
  await admin.goto(`/admin/rooms/${roomId}`);
  await expect(admin.getByRole("heading", { level: 1, name: roomName })).toBeVisible();
  for (const payload of PAYLOADS)
    await expect(admin.getByRole("table", { name: /Messages in this room/ }).getByText(payload, { exact: true })).toHaveCount(1);
  await admin.goto(`/admin/users?q=${handle}`);
  await expect(admin.getByRole("table", { name: "Users" }).getByText(MALLORY_NAME)).toBeVisible();
  await expectNoInjectedMarkup(admin);
  await expectClean(admin, adminProblems);
  await context.close();
});

test("the session cookie is HttpOnly and SameSite=Lax, and not Secure over plain http", async ({ browser }) => {
  // next-auth marks its cookies Secure (and names them __Secure-…/__Host-…) when NEXTAUTH_URL is
  // https; the e2e server runs on http://localhost. tests/integration/security/session-cookie
  // checks the https case against next-auth with our options.
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInThroughForm(page, USERS.carol.email);
  const cookies = await context.cookies();
  const session = cookies.find((c) => c.name === "next-auth.session-token");
  expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax", secure: false, path: "/" });
  expect(session?.expires).toBeGreaterThan(Date.now() / 1000 + 29 * 24 * 3600); // 30-day session
  expect(cookies.find((c) => c.name === "next-auth.csrf-token")).toMatchObject({ httpOnly: true, sameSite: "Lax" });
  expect(cookies.map((c) => c.name).filter((n) => n.startsWith("__"))).toEqual([]);
  // Script on the page cannot read it.
  expect(await page.evaluate(() => document.cookie)).not.toContain("session-token");
  await context.close();
});

test("cross-site mutations are refused: REST routes, server actions and sign-in", async ({ signedIn, asAdmin, playwright, baseURL }) => {
  const alice = await signedIn("alice");
  await alice.goto("/");
  const roomId = await openRoom(alice, /End-of-tenancy clean/);
  const messagesUrl = `/api/chat/rooms/${roomId}/messages`;
  const stored = async () => (await alice.request.get(`${messagesUrl}?limit=100`)).text();
  const crossSite = { origin: EVIL, "sec-fetch-site": "cross-site", "sec-fetch-mode": "cors" };

  // REST: with Alice's session cookie but another site's Origin (or only Sec-Fetch-Site).
  const restText = unique("csrf over REST");
  const variants: Array<Record<string, string>> = [crossSite, { origin: EVIL }, { "sec-fetch-site": "cross-site" }];
  for (const headers of variants) {
    const response = await alice.request.post(messagesUrl, { headers, data: { content: restText, client_id: randomUUID() } });
    expect(response.status()).toBe(403);
    expect(await response.json()).toMatchObject({ error: { code: "forbidden" } });
  }
  const mutations: Array<[string, string, unknown]> = [
    ["POST", "/api/chat/rooms", { kind: "GROUP", name: "csrf", member_ids: [] }],
    ["POST", `/api/chat/rooms/${roomId}/read`, { up_to_id: 1 }],
    ["POST", `/api/chat/rooms/${roomId}/members`, { user_id: 1 }],
    ["DELETE", `/api/chat/rooms/${roomId}/members/1`, undefined],
    ["POST", "/api/chat/jobs/1/room", undefined],
    ["POST", "/api/pusher/auth", undefined],
  ];
  for (const [method, url, data] of mutations) {
    const response = await alice.request.fetch(url, { method, headers: crossSite, data });
    expect(response.status(), `${method} ${url}`).toBe(403);
  }
  // The admin's routes, with the admin's session (for anyone else the admin gate answers 404 first).
  const admin = await asAdmin();
  for (const [method, url, data] of [
    ["POST", "/api/admin/users/1/deactivate", undefined],
    ["POST", "/api/admin/users/1/reactivate", undefined],
    ["POST", "/api/admin/users/1/role", { role: "ADMIN" }],
    ["DELETE", "/api/admin/messages/1", undefined],
  ] as const) {
    const response = await admin.request.fetch(url, { method, headers: crossSite, data });
    expect(response.status(), `${method} ${url} as admin`).toBe(403);
  }

  // A server action: replay the request the UI makes when sending, from another site.
  const viaUi = unique("sent by the UI");
  const actionRequest = alice.waitForRequest(
    (r) => r.method() === "POST" && r.headers()["next-action"] !== undefined && (r.postData() ?? "").includes(viaUi),
  );
  await send(alice, viaUi);
  const captured = await actionRequest;
  await expect(messageWithText(alice, viaUi)).toContainText("Sent");
  const replayHeaders = Object.fromEntries(
    Object.entries(await captured.allHeaders()).filter(([name]) => /^(next-action|next-router-state-tree|content-type|accept)$/i.test(name)),
  );
  const [args] = JSON.parse(captured.postData() ?? "[]") as [{ room_id: number; content: string; client_id: string }];
  expect(args).toMatchObject({ room_id: roomId, content: viaUi });
  const replay = (content: string, headers: Record<string, string>) =>
    alice.request.post(captured.url(), {
      headers: { ...replayHeaders, ...headers },
      data: JSON.stringify([{ ...args, content, client_id: randomUUID() }]),
    });
  const actionText = unique("csrf over a server action");
  const refused = await replay(actionText, crossSite);
  expect(refused.status()).toBe(403);
  // The same request from the app's own origin goes through: the refusal is the origin's doing.
  const control = unique("same-origin replay");
  expect((await replay(control, { origin: baseURL ?? "" })).status()).toBe(200);

  const list = await stored();
  expect(list).toContain(control);
  expect(list).not.toContain(restText);
  expect(list).not.toContain(actionText);

  // Sign-in from another site (login CSRF): without next-auth's CSRF cookie it is refused.
  const stranger = await playwright.request.newContext({ baseURL });
  const signIn = await stranger.post("/api/auth/callback/credentials", {
    headers: crossSite,
    form: { email: USERS.alice.email, password: "password123", csrfToken: "forged", callbackUrl: "/" },
    maxRedirects: 0,
  });
  expect(signIn.status()).toBe(302);
  expect(signIn.headers().location).toContain("csrf=true");
  expect((await stranger.storageState()).cookies.map((c) => c.name)).not.toContain("next-auth.session-token");
  await stranger.dispose();
});

// --- Secrets never reach the browser -------------------------------------------------------

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(full) : [full];
  });
}

/**
 * The secret values to look for: whatever the build's environment held (npm run test:e2e builds
 * in this same environment), and the defaults the app falls back to when nothing is set: the
 * embedded realtime server's secret (lib/env.ts), the per-checkout NEXTAUTH_SECRET written by
 * npm run dev/start (.data/nextauth-secret), the embedded PostgreSQL's credentials.
 */
function secretValues(): Array<{ name: string; value: string }> {
  const list: Array<{ name: string; value: string }> = [{ name: "PUSHER_SECRET default", value: "app-secret" }];
  for (const name of ["PUSHER_SECRET", "NEXTAUTH_SECRET", "METRICS_TOKEN", "GITHUB_SECRET", "GOOGLE_SECRET", "E2E_NEXTAUTH_SECRET"]) {
    const value = process.env[name];
    if (value) list.push({ name, value });
  }
  const databaseUrl = process.env.DATABASE_URL;
  if (databaseUrl) {
    list.push({ name: "DATABASE_URL", value: databaseUrl });
    const password = decodeURIComponent(new URL(databaseUrl).password);
    if (password.length >= 8) list.push({ name: "DATABASE_URL password", value: password });
  }
  // scripts/db/embedded-postgres.ts: user postgres, password "password" (too common a word to
  // search for alone, so its connection-string form).
  list.push({ name: "embedded database credentials", value: "postgres:password@" });
  const localSecret = path.join(process.cwd(), ".data", "nextauth-secret");
  if (existsSync(localSecret)) list.push({ name: ".data/nextauth-secret", value: readFileSync(localSecret, "utf8").trim() });
  return list.filter((s) => s.value.length >= 8);
}

function findSecrets(files: string[], secrets: Array<{ name: string; value: string }>): string[] {
  return files.flatMap((file) => {
    const text = readFileSync(file).toString("latin1");
    return secrets.filter((s) => text.includes(s.value)).map((s) => `${s.name} in ${file}`);
  });
}

test("no secret is in the client bundle, prerendered output, or a rendered page", async ({ signedIn, asAdmin }, testInfo) => {
  const next = path.join(process.cwd(), ".next");
  const staticFiles = filesUnder(path.join(next, "static"));
  const prerendered = filesUnder(path.join(next, "server", "app")).filter((f) => /\.(html|rsc|body|meta)$/.test(f));
  const files = [...staticFiles, ...prerendered];
  const javascript = staticFiles.filter((f) => f.endsWith(".js"));
  expect(javascript.length, "a built .next/static (npm run build runs before the browser tests)").toBeGreaterThan(10);
  expect(statSync(path.join(next, "BUILD_ID")).isFile()).toBe(true);

  const secrets = secretValues();
  // The scanner finds a secret where there is one (its own source mentions the default).
  expect(findSecrets([path.join(process.cwd(), "lib", "env.ts")], secrets)).toEqual([
    `PUSHER_SECRET default in ${path.join(process.cwd(), "lib", "env.ts")}`,
  ]);
  expect(findSecrets(files, secrets)).toEqual([]);

  // What the server renders at run time, for a user and for the admin (HTML and RSC payloads).
  const alice = await signedIn("alice");
  await alice.goto("/");
  const roomId = await openRoom(alice, /End-of-tenancy clean/);
  const admin = await asAdmin();
  const pages = [
    await alice.request.get("/"),
    await alice.request.get(`/rooms/${roomId}`),
    await alice.request.get(`/rooms/${roomId}`, { headers: { rsc: "1" } }),
    await alice.request.get("/api/realtime/config"),
    await admin.request.get("/admin"),
    await admin.request.get("/admin/metrics"),
    await admin.request.get(`/admin/rooms/${roomId}`),
  ];
  const leaks = [];
  for (const response of pages) {
    expect(response.status(), response.url()).toBe(200);
    const body = await response.text();
    leaks.push(...secrets.filter((s) => body.includes(s.value)).map((s) => `${s.name} in ${response.url()}`));
  }
  expect(leaks).toEqual([]);
  testInfo.annotations.push({
    type: "secrets scan",
    description: `${files.length} build files (${javascript.length} .js under .next/static) and ${pages.length} rendered responses; checked: ${secrets.map((s) => s.name).join(", ")}`,
  });
  console.log(`secrets scan: ${testInfo.annotations.at(-1)?.description}`);
});
