// Sign-in limits against the production server (next start): many people signing in from one
// address all get in; wrong passwords lock only the account they target, on every path and body
// format next-auth signs in on; a success clears the account's failures. (The per-IP failure
// threshold and the trusted-proxy settings are in tests/integration/sign-in-limits.test.ts: the
// e2e server raises that threshold so other specs sharing its one address are never refused.)
import { randomUUID } from "node:crypto";
import { type APIRequestContext, type Page, request as playwrightRequest } from "@playwright/test";
import { expect, test } from "./support/fixtures";
import { DEMO_PASSWORD } from "./support/users";

const DEMO_EMAILS = ["client1", "client2", "cleaner1", "cleaner2", "admin"].map((u) => `${u}@example.com`);

/** `signedInAs`: the session's username after the attempt (demo and test emails are username@…). */
type Outcome = { status: number; retryAfter: number | null; signedInAs: string | null };
const username = (email: string) => email.split("@")[0];

/** One sign-in as a browser's next-auth client makes it: a CSRF pair, then the callback POST. */
async function signIn(
  baseURL: string,
  email: unknown,
  password: string,
  { path = "callback/credentials", json = false }: { path?: string; json?: boolean } = {},
): Promise<Outcome> {
  const context: APIRequestContext = await playwrightRequest.newContext({ baseURL });
  try {
    const { csrfToken } = (await (await context.get("/api/auth/csrf")).json()) as { csrfToken: string };
    const fields = { email, password, csrfToken, callbackUrl: "/", json: "true" };
    const response = await context.post(`/api/auth/${path}`, {
      ...(json ? { data: fields } : { form: fields as Record<string, string> }),
      maxRedirects: 0,
    });
    const session = (await (await context.get("/api/auth/session")).json()) as { user?: { username?: string } };
    const retryAfter = response.headers()["retry-after"];
    return { status: response.status(), retryAfter: retryAfter ? Number(retryAfter) : null, signedInAs: session.user?.username ?? null };
  } finally {
    await context.dispose();
  }
}

/** A fresh account (registered through the real form), so no other test's failures count. */
async function registerAccount(page: Page): Promise<string> {
  const handle = `e2e_lim_${randomUUID().slice(0, 8)}`;
  await page.goto("/register");
  await page.getByLabel("Name", { exact: true }).fill("Limit Tester");
  await page.getByLabel("Username").fill(handle);
  await page.getByLabel("Email").fill(`${handle}@example.com`);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("No conversations yet")).toBeVisible();
  // Leave the signed-in page first: open, it would go on asking for its realtime channels.
  await page.goto("about:blank");
  await page.context().clearCookies();
  return `${handle}@example.com`;
}

test("30 sign-ins of 5 accounts from one address within a minute all succeed", async ({ baseURL }) => {
  const started = Date.now();
  for (let i = 0; i < 30; i++) {
    const email = DEMO_EMAILS[i % DEMO_EMAILS.length];
    expect(await signIn(baseURL ?? "", email, DEMO_PASSWORD)).toMatchObject({ status: 200, signedInAs: username(email) });
  }
  expect(Date.now() - started).toBeLessThan(60_000);
});

test("11 wrong passwords lock that account (429 + Retry-After) while the same address signs others in", async ({ baseURL, page, pageErrors }) => {
  // The login form's own attempt on the locked account, refused on purpose.
  pageErrors.allow(/status of 429 \(Too Many Requests\) \[http:\/\/localhost:\d+\/api\/auth\/callback\/credentials\]/);
  const victim = await registerAccount(page);
  for (let i = 0; i < 10; i++) expect(await signIn(baseURL ?? "", victim, "wrong-password")).toMatchObject({ status: 401, signedInAs: null });
  const refused = await signIn(baseURL ?? "", victim, "wrong-password");
  expect(refused.status).toBe(429);
  expect(refused.retryAfter).toBeGreaterThan(0);
  // Locked means locked: the right password waits too.
  expect(await signIn(baseURL ?? "", victim, DEMO_PASSWORD)).toMatchObject({ status: 429, signedInAs: null });
  for (const email of DEMO_EMAILS)
    expect(await signIn(baseURL ?? "", email, DEMO_PASSWORD)).toMatchObject({ status: 200, signedInAs: username(email) });

  // The login page says so, and still signs someone else in.
  await page.goto("/login");
  await page.getByLabel("Email").fill(victim);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Too many attempts" })).toBeVisible();
  await page.getByLabel("Email").fill(DEMO_EMAILS[0]);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("navigation", { name: "Conversations" })).toBeVisible();
});

test("a path suffix and a JSON body are the same sign-in, counted and refused alike", async ({ baseURL, page }) => {
  const victim = await registerAccount(page);
  const variants = [{ path: "callback/credentials/x" }, { json: true }, { path: "callback/credentials/a/b", json: true }, {}];
  // The suffix path really signs in (next-auth ignores what follows the provider)...
  expect(await signIn(baseURL ?? "", victim, DEMO_PASSWORD, variants[0])).toMatchObject({ status: 200, signedInAs: username(victim) });
  for (let i = 0; i < 10; i++) expect((await signIn(baseURL ?? "", victim, "wrong-password", variants[i % 4])).status).toBe(401);
  // ...so every variant meets the same lock.
  for (const variant of variants)
    expect(await signIn(baseURL ?? "", victim, DEMO_PASSWORD, variant), JSON.stringify(variant)).toMatchObject({ status: 429, signedInAs: null });
});

test("a successful sign-in clears the account's failures", async ({ baseURL, page }) => {
  const person = await registerAccount(page);
  for (let i = 0; i < 9; i++) expect((await signIn(baseURL ?? "", person, "wrong-password")).status).toBe(401);
  expect(await signIn(baseURL ?? "", person, DEMO_PASSWORD)).toMatchObject({ status: 200, signedInAs: username(person) });
  // Ten more typos are answered as typos, not refused: the count started again.
  for (let i = 0; i < 10; i++) expect((await signIn(baseURL ?? "", person, "wrong-password")).status).toBe(401);
  expect((await signIn(baseURL ?? "", person, "wrong-password")).status).toBe(429);
});
