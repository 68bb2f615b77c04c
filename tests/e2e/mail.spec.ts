// Email through the production build and real SMTP (the e2e server's mail catcher): the unread
// digest for someone with no tab open (after the delay, once for a burst, with the room's link),
// and a password reset from the login page to signing in with the new password.
import { expect, test } from "./support/fixtures";
import { createGroup, expectConnected, messageWithText, openRoom, send, unique } from "./support/chat";
import { linkIn, mailFor, runNotificationCron, waitForMail } from "./support/mailbox";
import { DEMO_PASSWORD } from "./support/users";

const DAN = "cleaner2@example.com";

/** Rows a cron run found due, besides those held for someone's open tab (other specs' tabs). */
const dueNow = async (baseURL: string | undefined) => {
  const run = await runNotificationCron(baseURL ?? "");
  expect(run.status).toBe(200);
  return run.body.claimed - run.body.deferred;
};

test("someone offline gets one email for a burst of 20 messages, whose link opens the room", async ({ signedIn, baseURL }) => {
  test.setTimeout(120_000);
  const alice = await signedIn("alice");
  const name = unique("Move-out clean");
  await createGroup(alice, name, ["Dan Cleaner"]);
  const roomId = Number(new URL(alice.url()).pathname.split("/").pop());
  const inRoom = (mail: { text: string }) => mail.text.includes(`/rooms/${roomId}`);
  for (let i = 1; i <= 20; i++) await send(alice, `${name} #${i}`);
  await expect(messageWithText(alice, `${name} #20`)).toContainText("Sent");

  // Dan has no tab open: after the delay (3 s here) one email arrives over SMTP.
  const digest = await waitForMail(DAN, inRoom);
  expect(digest.subject).toBe(`20 unread messages in ${name}`);
  expect(digest.headers["list-unsubscribe-post"]).toBe("List-Unsubscribe=One-Click");
  const link = linkIn(digest, `/rooms/${roomId}`);
  expect(link.origin).toBe(baseURL);

  // Vercel Cron's call finds nothing more to send for the room; the one email stays one.
  const run = await runNotificationCron(baseURL ?? "");
  expect(run.status).toBe(200);
  await send(alice, `${name} after the email`);
  await expect(messageWithText(alice, `${name} after the email`)).toContainText("Sent");
  await expect.poll(() => dueNow(baseURL)).toBe(0);
  expect(await mailFor(DAN, inRoom)).toHaveLength(1);

  const dan = await signedIn("dan");
  await dan.goto(link.pathname);
  await expect(dan.getByRole("heading", { level: 1, name })).toBeVisible();
  await expect(messageWithText(dan, `${name} #20`)).toBeVisible();
});

test("a muted room sends no email while another room's unread does", async ({ signedIn, baseURL }) => {
  test.setTimeout(120_000);
  const alice = await signedIn("alice");
  const muted = unique("Muted deep clean");
  const loud = unique("Loud deep clean");
  await createGroup(alice, muted, ["Dan Cleaner"]);
  const mutedId = Number(new URL(alice.url()).pathname.split("/").pop());
  await createGroup(alice, loud, ["Dan Cleaner"]);
  const loudId = Number(new URL(alice.url()).pathname.split("/").pop());

  // Dan mutes one room ("until I unmute"), then closes the app.
  const dan = await signedIn("dan");
  await dan.goto("/");
  await expectConnected(dan);
  await openRoom(dan, muted);
  await dan.getByRole("button", { name: "Mute notifications" }).click();
  await dan.getByRole("menu", { name: "Mute notifications" }).getByRole("menuitem", { name: "Until I unmute" }).click();
  await expect(dan.getByRole("button", { name: "Muted: change" })).toBeVisible();
  await dan.context().close();

  // The muted room's message first: by the time the other room's email arrives, it was due too.
  await alice.goto(`/rooms/${mutedId}`);
  await expect(alice.getByRole("textbox", { name: "Message" })).toBeEnabled();
  await send(alice, `${muted} message`);
  await expect(messageWithText(alice, `${muted} message`)).toContainText("Sent");
  await alice.goto(`/rooms/${loudId}`);
  await expect(alice.getByRole("textbox", { name: "Message" })).toBeEnabled();
  await send(alice, `${loud} message`);
  await expect(messageWithText(alice, `${loud} message`)).toContainText("Sent");

  const digest = await waitForMail(DAN, (m) => m.text.includes(`/rooms/${loudId}`));
  expect(digest.text).not.toContain(`/rooms/${mutedId}`);
  await expect.poll(() => dueNow(baseURL)).toBe(0);
  expect(await mailFor(DAN, (m) => m.text.includes(`/rooms/${mutedId}`))).toEqual([]);
});

test("a password reset works end to end: old password refused, other sessions signed out", async ({ browser, baseURL, pageErrors }) => {
  test.setTimeout(120_000);
  // The old password's sign-in attempt is refused on purpose.
  pageErrors.allow(/status of 401 \(Unauthorized\) \[http:\/\/localhost:\d+\/api\/auth\/callback\/credentials\b/);
  const username = `reset_${Date.now().toString(36)}`;
  const email = `${username}@example.com`;
  const first = await browser.newContext();
  const tab = await first.newPage();
  await tab.goto("/register");
  // Each form's button is enabled once hydrated: typing before that would be reset.
  await expect(tab.getByRole("button", { name: "Create account" })).toBeEnabled();
  await tab.getByLabel("Name", { exact: true }).fill("Rita Reset");
  await tab.getByLabel("Username", { exact: true }).fill(username);
  await tab.getByLabel("Email", { exact: true }).fill(email);
  await tab.getByLabel("Password", { exact: true }).fill(DEMO_PASSWORD);
  await tab.getByRole("button", { name: "Create account" }).click();
  await tab.waitForURL((url) => url.pathname === "/");
  // A new account is unconfirmed: it can chat, with a banner.
  await expect(tab.getByRole("region", { name: "Confirm your email" })).toBeVisible();

  const other = await browser.newContext();
  const page = await other.newPage();
  await page.goto("/login");
  await page.getByRole("link", { name: "Forgot your password?" }).click();
  await expect(page.getByRole("button", { name: "Email me a link" })).toBeEnabled();
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Email me a link" }).click();
  await expect(page.getByRole("status").filter({ hasText: "If an account uses that address" })).toBeVisible();

  const message = await waitForMail(email, (m) => m.subject === "Reset your JobChat password");
  const link = linkIn(message, "/reset-password");
  expect(link.origin).toBe(baseURL);
  await page.goto(`${link.pathname}${link.search}`);
  await expect(page.getByRole("button", { name: "Set new password" })).toBeEnabled();
  await page.getByLabel("New password").fill("a brand new password");
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Your password is changed" })).toBeVisible();

  // The session from before the reset is over.
  await tab.reload();
  await tab.waitForURL((url) => url.pathname === "/login");

  await page.goto("/login");
  await expect(page.getByRole("button", { name: "Sign in" })).toBeEnabled();
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Wrong email or password" })).toBeVisible();
  await page.getByLabel("Password").fill("a brand new password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => url.pathname === "/");
  // The reset proved the address is theirs: no banner now.
  await expect(page.getByRole("button", { name: "New message" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Confirm your email" })).toHaveCount(0);

  // The same link again is refused.
  await page.goto(`${link.pathname}${link.search}`);
  await expect(page.getByRole("button", { name: "Set new password" })).toBeEnabled();
  await page.getByLabel("New password").fill("yet another password");
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "invalid, used or expired" })).toBeVisible();
  await first.close();
  await other.close();
});
