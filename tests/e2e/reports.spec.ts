// Trust and safety, end to end: A reports B's message from "Message actions"; the admin finds it
// in the reports queue with the messages around it and suspends B for 24 hours; B's open tab is
// cut off at once, and B's sign-in shows the reason and the end time.
import { randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";
import { expectConnected, messageWithText, send } from "./support/chat";
import { expect, test } from "./support/fixtures";
import { DEMO_PASSWORD } from "./support/users";

async function register(page: Page, name: string): Promise<{ handle: string; email: string }> {
  const handle = `e2e_rep_${randomUUID().slice(0, 8)}`;
  const email = `${handle}@example.com`;
  await page.goto("/register");
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel("Username").fill(handle);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("No conversations yet")).toBeVisible();
  return { handle, email };
}

async function openRoomById(page: Page, roomId: number): Promise<void> {
  await page.goto(`/rooms/${roomId}`);
  await expect(page.locator(`section[data-room-id="${roomId}"]`)).toHaveAttribute("data-subscribed", "true", { timeout: 20_000 });
  await expectConnected(page);
}

test("A reports B's message; the admin sees it in context and suspends B for 24 h; B is cut off and told why and until when", async ({
  browser,
  asAdmin,
  pageErrors,
}) => {
  // B, once suspended: the realtime sign-in and channel authorizations are refused (403), and so is the password sign-in.
  pageErrors.allow(/status of 403 \(Forbidden\) \[http:\/\/localhost:\d+\/api\/pusher\/(user-)?auth\]/);
  pageErrors.allow(/status of 401 \(Unauthorized\) \[http:\/\/localhost:\d+\/api\/auth\/callback\/credentials\b/);
  pageErrors.allow(/status of 403 \(Forbidden\) \[http:\/\/localhost:\d+\/api\/chat\/[\w/?=&]*\]/);

  const aContext = await browser.newContext();
  const bContext = await browser.newContext();
  const a = await aContext.newPage();
  const b = await bContext.newPage();
  const [, bob] = await Promise.all([register(a, "Alice Reporter"), register(b, "Bob Reported")]);

  const admin = await asAdmin();
  const found = (await (await admin.request.get(`/api/admin/users?q=${bob.handle}`)).json()) as { users: Array<{ id: number }> };
  const bobId = found.users[0].id;
  const created = await a.request.post("/api/chat/rooms", { data: { kind: "GROUP", name: `Report test ${bob.handle}`, member_ids: [bobId] } });
  expect(created.status()).toBe(201);
  const roomId = ((await created.json()) as { id: number }).id;

  await openRoomById(b, roomId);
  const offending = `Pay me in cash, outside the app ${randomUUID().slice(0, 6)}`;
  for (const text of ["Hello, I can come on Friday", offending, "Let me know"]) {
    await send(b, text);
    await expect(messageWithText(b, text).getByText("Sent")).toBeVisible();
  }

  // A reports it from the message's actions, with a note in Japanese and an emoji.
  await openRoomById(a, roomId);
  await messageWithText(a, offending).getByRole("button", { name: "Message actions" }).click();
  await a.getByRole("menu", { name: "Message actions" }).getByRole("menuitem", { name: "Report" }).click();
  const dialog = a.getByRole("dialog", { name: "Report a message from Bob Reported" });
  await dialog.getByRole("radio", { name: "Scam or payment off the platform" }).check();
  const note = "現金で払ってと言われました 🙂";
  await dialog.getByLabel("Note (optional)").fill(note);
  await expect(dialog.getByText(`${new TextEncoder().encode(note).length} / 1000 bytes`)).toBeVisible();
  await dialog.getByRole("button", { name: "Send report" }).click();
  await expect(dialog.getByRole("status")).toContainText("Your report was sent to our team.");
  await dialog.getByRole("button", { name: "Done" }).click();

  // The admin: the count on the overview, then the queue with the message in context.
  await admin.goto("/admin");
  const openReports = admin.locator("dl > div").filter({ has: admin.getByText("Open reports", { exact: true }) });
  expect(Number(await openReports.locator("dd").first().textContent())).toBeGreaterThanOrEqual(1);
  await admin.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Reports" }).click();
  await expect(admin.getByRole("heading", { level: 1, name: "Open reports" })).toBeVisible();
  const card = admin.getByRole("article").filter({ hasText: `reported ${bob.handle}` });
  await expect(card).toHaveCount(1);
  await expect(card.getByRole("heading")).toContainText("Scam or payment off the platform");
  await expect(card).toContainText(note);
  const context = card.getByRole("list", { name: /Messages around the reported one/ });
  await expect(context.getByRole("listitem")).toHaveCount(3);
  await expect(context.locator('[aria-current="true"]')).toContainText(offending);
  await expect(context).toContainText("Hello, I can come on Friday");
  await expect(context).toContainText("Let me know");
  await expect(card).toContainText(`No other reports against ${bob.handle}.`);

  // B's tab is still open and live before the suspension.
  await expectConnected(b);
  await card.getByLabel(/^Action for report/).selectOption("suspend");
  await card.getByLabel(/^Suspension length for report/).selectOption("24h");
  await card.getByLabel(/^Note for report/).fill("Off-platform payment request");
  const suspendedAt = Date.now();
  await card.getByRole("button", { name: /^Resolve report/ }).click();
  // Resolved, it leaves the queue.
  await expect(card).toHaveCount(0);

  // B's open tab is cut off at once, without a reload.
  await expect(b.getByText("Live updates stopped: your session no longer has access.")).toBeVisible({ timeout: 15_000 });

  // B's next page load and B's sign-in both say why, and until when.
  await b.reload();
  await expect(b).toHaveURL(/\/login/);
  const refusal = /Your account is suspended until (\d{4}-\d{2}-\d{2} \d{2}:\d{2}) UTC\. Reason: Off-platform payment request/;
  await expect(b.getByRole("alert").filter({ hasText: "Your account is suspended" })).toHaveText(refusal);
  const fresh = await browser.newContext();
  const signIn = await fresh.newPage();
  await signIn.goto("/login");
  await signIn.getByLabel("Email").fill(bob.email);
  await signIn.getByLabel("Password").fill(DEMO_PASSWORD);
  await signIn.getByRole("button", { name: "Sign in" }).click();
  const alert = signIn.getByRole("alert").filter({ hasText: "Your account is suspended" });
  await expect(alert).toHaveText(refusal);
  const until = Date.parse(`${refusal.exec((await alert.textContent()) ?? "")?.[1].replace(" ", "T")}:00Z`);
  // Shown to the minute: 24 hours after the suspension, give or take that minute and the test's own time.
  expect(Math.abs(until - (suspendedAt + 24 * 3600_000))).toBeLessThan(3 * 60_000);
  await expect(signIn).toHaveURL(/\/login/);

  // B's page for admins: the suspension with its reason, liftable; the report against them.
  await admin.goto(`/admin/users/${bobId}`);
  const suspensions = admin.getByRole("table", { name: "Suspensions, newest first" });
  await expect(suspensions.getByRole("row").filter({ hasText: "Off-platform payment request" })).toHaveCount(1);
  await expect(suspensions.getByRole("button", { name: /^Lift suspension/ })).toBeVisible();
  await expect(
    admin
      .getByRole("table", { name: `Reports against ${bob.handle}` })
      .getByRole("row")
      .filter({ hasText: "Resolved: suspend" }),
  ).toHaveCount(1);

  // The audit log has the resolution and the suspension.
  await admin.goto("/admin/audit");
  const log = admin.getByRole("table", { name: "Moderation actions, newest first" });
  await expect(log.getByRole("row").filter({ hasText: "Suspended user" }).first()).toBeVisible();
  await expect(log.getByRole("row").filter({ hasText: "Resolved report" }).first()).toBeVisible();
  await Promise.all([aContext.close(), bContext.close(), fresh.close()]);
});

test("reporting a person from the room header: the note's limit is counted in bytes, and the reporter gets a confirmation", async ({
  browser,
  asAdmin,
}) => {
  const aContext = await browser.newContext();
  const bContext = await browser.newContext();
  const a = await aContext.newPage();
  const b = await bContext.newPage();
  const [, bob] = await Promise.all([register(a, "Header Reporter"), register(b, "Header Reported")]);
  const adminPage = await asAdmin();
  const found = (await (await adminPage.request.get(`/api/admin/users?q=${bob.handle}`)).json()) as { users: Array<{ id: number }> };
  const created = await a.request.post("/api/chat/rooms", { data: { kind: "GROUP", name: `Header ${bob.handle}`, member_ids: [found.users[0].id] } });
  const roomId = ((await created.json()) as { id: number }).id;
  await openRoomById(a, roomId);

  await a.locator(`section[data-room-id="${roomId}"] > header`).getByRole("button", { name: "Report" }).click();
  const dialog = a.getByRole("dialog", { name: "Report a person" });
  await dialog.getByRole("radio", { name: "Safety concern" }).check();
  // 334 Arabic letters are 668 bytes; with 111 CJK characters (333 bytes) that is 1001: one byte over.
  const note = `${"ش".repeat(334)}${"漢".repeat(111)}`;
  await dialog.getByLabel("Note (optional)").fill(note);
  await expect(dialog.getByText("1001 / 1000 bytes: too long")).toBeVisible();
  await expect(dialog.getByRole("button", { name: "Send report" })).toBeDisabled();
  await dialog.getByLabel("Note (optional)").fill(note.slice(0, -1));
  await expect(dialog.getByText("998 / 1000 bytes")).toBeVisible();
  await dialog.getByRole("button", { name: "Send report" }).click();
  await expect(dialog.getByRole("status")).toHaveText("Thanks. Your report was sent to our team. Header Reported is not told who reported them.");
  await Promise.all([aContext.close(), bContext.close()]);
});
