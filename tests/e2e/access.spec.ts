// Who sees what: signed-out visitors go to the login page, a stranger gets a 404 for a room.
import { expect, test } from "./support/fixtures";
import { openRoom } from "./support/chat";

test("signed out, the chat sends you to a login form with labelled fields", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByLabel("Email")).toBeVisible();
  await expect(page.getByLabel("Password")).toBeVisible();
  await expect(page.getByRole("button", { name: "Sign in" })).toBeEnabled();
});

test("wrong password is refused with a message", async ({ page, pageErrors }) => {
  pageErrors.allow(/status of 401 \(Unauthorized\) \[http:\/\/localhost:\d+\/api\/auth\/callback\/credentials\b/);
  await page.goto("/login");
  await page.getByLabel("Email").fill("client1@example.com");
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Wrong email or password." })).toBeVisible();
  await expect(page).toHaveURL(/\/login/);
});

test("a new account can register and lands in its (empty) chat", async ({ page }) => {
  const handle = `e2e_${Date.now().toString(36)}`;
  await page.goto("/register");
  await page.getByLabel("Name", { exact: true }).fill("Erin Example");
  await page.getByLabel("Username").fill(handle);
  await page.getByLabel("Email").fill(`${handle}@example.com`);
  await page.getByLabel("Password").fill("a-long-password");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("No conversations yet")).toBeVisible();
  await expect(page.getByText("Select a conversation")).toBeVisible();
});

test("a stranger opening a room's URL gets the 404 page", async ({ signedIn, pageErrors }) => {
  pageErrors.allow(/status of 404 \(Not Found\) \[http:\/\/localhost:\d+\/rooms\/(\d+|abc)\]/);
  // On a 404 document Chromium may also ask for /favicon.ico, which the app does not serve.
  pageErrors.allow(/status of 404 \(Not Found\) \[http:\/\/localhost:\d+\/favicon\.ico\]/);
  const alice = await signedIn("alice");
  await alice.goto("/");
  const roomId = await openRoom(alice, /End-of-tenancy clean/);

  const carol = await signedIn("carol");
  const response = await carol.goto(`/rooms/${roomId}`);
  expect(response?.status()).toBe(404);
  await expect(carol.getByRole("heading", { name: "Conversation not found" })).toBeVisible();
  await expect(carol.getByText("End-of-tenancy clean, 2-bed flat")).toHaveCount(0);

  const missing = await carol.goto("/rooms/99999999");
  expect(missing?.status()).toBe(404);
  const nonsense = await carol.goto("/rooms/abc");
  expect(nonsense?.status()).toBe(404);
});

test("the server renders the first page of a room: it paints with no client fetch", async ({ signedIn }) => {
  const alice = await signedIn("alice");
  await alice.goto("/");
  const roomId = await openRoom(alice, /End-of-tenancy clean/);
  const html = await (await alice.request.get(`/rooms/${roomId}`)).text();
  expect(html).toContain("Thursday 9am is perfect.");
  expect(html).toContain("Cleaners&#x27; lounge");
});

test("on a phone, the room list and the room are separate screens", async ({ signedIn }) => {
  const alice = await signedIn("alice", { width: 390, height: 844 });
  await alice.goto("/");
  await expect(alice.getByRole("navigation", { name: "Conversations" })).toBeVisible();
  await expect(alice.getByText("Select a conversation")).toBeHidden();
  await openRoom(alice, /End-of-tenancy clean/);
  await expect(alice.getByRole("navigation", { name: "Conversations" })).toBeHidden();
  await alice.getByRole("link", { name: "Back to conversations" }).click();
  await expect(alice.getByRole("navigation", { name: "Conversations" })).toBeVisible();
});
