// The admin dashboard as its users see it: the demo admin reads the figures and moderates
// (deleting a message reaches the room live; deactivation locks a person out), a user gets the
// 404 page with nothing of the admin area in it, and a signed-out visitor is sent to sign in.
import { randomUUID } from "node:crypto";
import type { Locator, Page } from "@playwright/test";
import { expect, test } from "./support/fixtures";
import { ADMIN, signInThroughForm } from "./support/admin";
import { expectConnected, messageWithText, openRoom, send, unique } from "./support/chat";
import { DEMO_PASSWORD } from "./support/users";
import { expectClean, watch } from "./support/violations";

const ADMIN_PAGES = ["/admin", "/admin/users", "/admin/rooms", "/admin/reports", "/admin/audit", "/admin/metrics"];

/** The number shown for a stat (a <dt> label with its <dd> value). */
async function stat(page: Page, label: string): Promise<number> {
  const value = page
    .locator("dl > div")
    .filter({ has: page.getByText(label, { exact: true }) })
    .locator("dd")
    .first();
  return Number(((await value.textContent()) ?? "").replace(/[^\d]/g, ""));
}

/** A chart's bars: the screen-reader table beside each SVG holds the same numbers. */
async function chartValues(chart: Locator): Promise<number[]> {
  return (await chart.locator("table td").allTextContents()).map(Number);
}

async function registerPerson(page: Page): Promise<{ handle: string; email: string }> {
  const handle = `e2e_mod_${randomUUID().slice(0, 8)}`;
  const email = `${handle}@example.com`;
  await page.goto("/register");
  await page.getByLabel("Name", { exact: true }).fill("Moderated Person");
  await page.getByLabel("Username").fill(handle);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("No conversations yet")).toBeVisible();
  return { handle, email };
}

async function tryToSignIn(page: Page, email: string): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
}

test("the admin sees the overview with real figures and charts, and every admin page", async ({ asAdmin }) => {
  const admin = await asAdmin();
  const problems = await watch(admin);
  const response = await admin.goto("/admin");
  expect(response?.status()).toBe(200);
  await expect(admin.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
  await expect(admin.getByText(`Signed in as ${ADMIN.username}`)).toBeVisible();

  // The e2e database holds the demo data: 5 people, 6 rooms, over 5,000 messages, the lounge's
  // spread over six weeks up to an hour ago.
  expect(await stat(admin, "Users")).toBeGreaterThanOrEqual(5);
  expect(await stat(admin, "Rooms")).toBeGreaterThanOrEqual(6);
  expect(await stat(admin, "Messages")).toBeGreaterThanOrEqual(5020);
  expect(await stat(admin, "Messages, last 24 h")).toBeGreaterThan(0);
  expect(await stat(admin, "Active users, last 24 h")).toBeGreaterThan(0);

  const perDay = admin.locator("figure").filter({ hasText: "Per day, last 30 days" });
  const perHour = admin.locator("figure").filter({ hasText: "Per hour, last 48 hours" });
  await expect(perDay.locator("svg rect")).toHaveCount(30);
  await expect(perHour.locator("svg rect")).toHaveCount(48);
  const days = await chartValues(perDay);
  expect(days).toHaveLength(30);
  expect(days.filter((n) => n > 0).length).toBeGreaterThanOrEqual(25); // ~120 lounge messages a day
  expect((await chartValues(perHour)).reduce((a, b) => a + b, 0)).toBeGreaterThan(100);
  const topRooms = admin.getByRole("table", { name: "Most active rooms in the last 7 days" });
  await expect(topRooms.getByRole("row").nth(1)).toContainText("Cleaners' lounge");

  // Every page of the area, through its navigation.
  const nav = admin.getByRole("navigation", { name: "Admin" });
  await nav.getByRole("link", { name: "Users" }).click();
  await expect(admin.getByRole("heading", { level: 1, name: "Users" })).toBeVisible();
  const users = admin.getByRole("table", { name: "Users" });
  for (const email of ["admin@example.com", "client1@example.com", "cleaner2@example.com"]) await expect(users.getByText(email)).toBeVisible();
  await expect(users.getByRole("row").filter({ hasText: "admin@example.com" })).toContainText("ADMIN (you)");

  await nav.getByRole("link", { name: "Rooms" }).click();
  await expect(admin.getByRole("heading", { level: 1, name: "Rooms" })).toBeVisible();
  await admin
    .getByRole("table", { name: /^Rooms/ })
    .getByRole("link", { name: "Cleaners' lounge" })
    .click();
  await expect(admin.getByRole("heading", { level: 1, name: "Cleaners' lounge" })).toBeVisible();
  const people = admin.getByRole("table", { name: "Participants with their read state" });
  expect(await people.getByRole("row").count()).toBeGreaterThanOrEqual(5); // header + its 4 members (tests may add more)
  await expect(
    admin
      .getByRole("table", { name: /Messages in this room/ })
      .getByText(/^Lounge message #\d+/)
      .first(),
  ).toBeVisible();

  await nav.getByRole("link", { name: "Metrics" }).click();
  await expect(admin.getByRole("heading", { level: 1, name: "Metrics" })).toBeVisible();
  await expect(admin.locator("dl > div").filter({ hasText: "HTTP API" })).toContainText("Up");
  await expect(admin.locator("figure").filter({ hasText: "Responses by status" })).toBeVisible();

  await nav.getByRole("link", { name: "Audit log" }).click();
  await expect(admin.getByRole("heading", { level: 1, name: "Audit log" })).toBeVisible();
  await expect(admin.getByRole("table", { name: "Moderation actions, newest first" })).toBeVisible();
  await expectClean(admin, problems);
});

test("deleting a message from room detail: the room shows it deleted live, the audit log lists it", async ({ signedIn, asAdmin }) => {
  const bob = await signedIn("bob");
  await bob.goto("/");
  await expectConnected(bob);
  const roomId = await openRoom(bob, /End-of-tenancy clean/);
  const alice = await signedIn("alice");
  await alice.goto("/");
  await openRoom(alice, /End-of-tenancy clean/);
  const text = unique("Please delete me");
  await send(alice, text);
  await expect(messageWithText(alice, text)).toContainText("Sent");
  await expect(messageWithText(bob, text)).toHaveCount(1);

  const admin = await asAdmin();
  const problems = await watch(admin);
  await admin.goto(`/admin/rooms/${roomId}`);
  const row = admin
    .getByRole("table", { name: /Messages in this room/ })
    .getByRole("row")
    .filter({ hasText: text });
  const messageId = ((await row.getByRole("cell").first().textContent()) ?? "").trim();
  expect(messageId).toMatch(/^\d+$/);
  await row.getByLabel(`Reason for deleting message ${messageId} (optional)`).fill("e2e: off-topic");
  await row.getByRole("button", { name: `Delete message ${messageId}` }).click();
  // The page re-renders with the message marked deleted (its form, and so its status line, gone).
  await expect(row.getByRole("cell").last()).toHaveText(/^Deleted /);
  await expect(row.getByRole("button", { name: `Delete message ${messageId}` })).toHaveCount(0);

  // Bob, who had the room open, sees it replaced live; Alice sees the same after a reload.
  const bobsCopy = bob.locator(`[data-message-id="${messageId}"]`);
  await expect(bobsCopy).toContainText("This message was deleted.");
  await expect(bobsCopy).not.toContainText(text);
  await alice.reload();
  await expect(alice.locator(`[data-message-id="${messageId}"]`)).toContainText("This message was deleted.");
  await expect(messageWithText(alice, text)).toHaveCount(0);

  await admin.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Audit log" }).click();
  const entry = admin
    .getByRole("table", { name: "Moderation actions, newest first" })
    .getByRole("row")
    .filter({ hasText: `message #${messageId}` });
  await expect(entry).toHaveCount(1);
  await expect(entry).toContainText("Deleted message");
  await expect(entry).toContainText(ADMIN.username);
  await expect(entry).toContainText("e2e: off-topic");
  await expect(entry).not.toContainText(text); // the log records the act, not the content
  await expectClean(admin, problems);
});

test("deactivating a user locks them out; reactivating lets them back in", async ({ browser, asAdmin, pageErrors }) => {
  pageErrors.allow(/status of 401 \(Unauthorized\) \[http:\/\/localhost:\d+\/api\/auth\/callback\/credentials\b/);
  // The deactivated person's open page is cut off: its realtime sign-in and channels are refused.
  pageErrors.allow(/status of 401 \(Unauthorized\) \[http:\/\/localhost:\d+\/api\/pusher\/(user-)?auth\]/);
  const context = await browser.newContext();
  const person = await context.newPage();
  const { handle, email } = await registerPerson(person);

  const admin = await asAdmin();
  await admin.goto("/admin/users");
  await admin.getByLabel("Search by username, name or email").fill(handle);
  await admin.getByRole("button", { name: "Search" }).click();
  const row = admin.getByRole("table", { name: "Users" }).getByRole("row").filter({ hasText: email });
  await expect(row).toContainText("Active");
  await row.getByRole("button", { name: `Deactivate ${handle}` }).click();
  await expect(row.getByRole("button", { name: `Reactivate ${handle}` })).toBeVisible();
  await expect(row).toContainText("Deactivated");

  // Their open session no longer works, and signing in again is refused.
  await person.reload();
  await expect(person).toHaveURL(/\/login/);
  await tryToSignIn(person, email);
  await expect(person.getByRole("alert").filter({ hasText: "Wrong email or password." })).toBeVisible();

  await row.getByRole("button", { name: `Reactivate ${handle}` }).click();
  await expect(row.getByRole("button", { name: `Deactivate ${handle}` })).toBeVisible();
  await expect(row).toContainText("Active");
  // Signing in works again (in a fresh browser), and so does the session they still hold.
  const again = await browser.newContext();
  await signInThroughForm(await again.newPage(), email);
  await again.close();
  await person.goto("/");
  await expect(person.getByText("No conversations yet")).toBeVisible();

  await admin.goto("/admin/audit");
  const log = admin.getByRole("table", { name: "Moderation actions, newest first" });
  await expect(log.getByRole("row").filter({ hasText: "Deactivated user" }).first()).toBeVisible();
  await expect(log.getByRole("row").filter({ hasText: "Reactivated user" }).first()).toBeVisible();
  await context.close();
});

test("a signed-in user gets the 404 page, with no admin data, on every admin page and route", async ({ signedIn, pageErrors }) => {
  pageErrors.allow(/status of 404 \(Not Found\) \[http:\/\/localhost:\d+\/admin(\/[\w/]*)?(\?q=admin)?\]/);
  // On a 404 document Chromium may also ask for /favicon.ico, which the app does not serve.
  pageErrors.allow(/status of 404 \(Not Found\) \[http:\/\/localhost:\d+\/favicon\.ico\]/);
  const alice = await signedIn("alice");
  const problems = await watch(alice);
  await alice.goto("/");
  const roomId = await openRoom(alice, /End-of-tenancy clean/);
  for (const path of [...ADMIN_PAGES, `/admin/rooms/${roomId}`, "/admin/users?q=admin"]) {
    const response = await alice.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(alice.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
    const html = await response!.text();
    for (const secret of ["JobChat admin", "admin@example.com", "cleaner2@example.com", "Audit log", "Messages, last 24 h", "Participants"]) {
      expect(html, `${path} must not mention ${secret}`).not.toContain(secret);
    }
  }
  for (const path of ["/api/admin/overview", "/api/admin/users", `/api/admin/rooms/${roomId}`, "/api/admin/audit"]) {
    const response = await alice.request.get(path);
    expect(response.status(), path).toBe(404);
    expect(await response.json()).toEqual({ error: { code: "not_found", message: "Not found" } });
  }
  await expectClean(alice, problems);
});

test("a signed-out visitor is sent to /login, and back to the admin page after signing in", async ({ page }) => {
  for (const path of ADMIN_PAGES) {
    await page.goto(path);
    expect(new URL(page.url()).pathname).toBe("/login");
    expect(new URL(page.url()).searchParams.get("callbackUrl")).toBe(path);
    await expect(page.getByRole("button", { name: "Sign in" })).toBeEnabled();
  }
  expect((await page.request.get("/api/admin/overview")).status()).toBe(401);

  await page.goto("/admin/metrics");
  await page.getByLabel("Email").fill(ADMIN.email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => url.pathname === "/admin/metrics");
  await expect(page.getByRole("heading", { level: 1, name: "Metrics" })).toBeVisible();
});
