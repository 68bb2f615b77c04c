// Blocking, two new people live: Ann opens a direct chat with Ben (they share a group an admin
// made), blocks him from the room header; Ben, never told, no longer finds her nor can open a
// direct chat with her, and what he sends there never reaches her; in the group his messages are
// collapsed for her; she unblocks him from Settings.
import { randomUUID } from "node:crypto";
import type { Browser, Page } from "@playwright/test";
import { expect, test } from "./support/fixtures";
import { expectConnected, messageList, messageWithText, openRoom, roomLink, send } from "./support/chat";

async function register(browser: Browser, name: string): Promise<{ page: Page; id: number; name: string }> {
  const page = await (await browser.newContext()).newPage();
  const handle = `${name.toLowerCase().replace(/\W/g, "")}_${randomUUID().slice(0, 8)}`;
  await page.goto("/register");
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel("Username").fill(handle);
  await page.getByLabel("Email").fill(`${handle}@example.com`);
  await page.getByLabel("Password").fill("a-long-password");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("No conversations yet")).toBeVisible();
  const session = (await (await page.request.get("/api/auth/session")).json()) as { user: { id: number } };
  return { page, id: session.user.id, name };
}

test("A blocks B: B no longer finds A or opens a direct chat with her, B's sends there do not reach her, and A unblocks from Settings", async ({
  browser,
  asAdmin,
}) => {
  test.setTimeout(120_000);
  const suffix = randomUUID().slice(0, 6);
  const ann = await register(browser, `Ann ${suffix}`);
  const ben = await register(browser, `Ben ${suffix}`);

  // Strangers cannot find each other; a group an admin makes for them changes that.
  await ann.page.getByRole("button", { name: "New message" }).click();
  const annDialog = ann.page.getByRole("dialog", { name: "New message" });
  await annDialog.getByLabel("Search people").fill(ben.name);
  await expect(annDialog.getByText(`Nobody matches “${ben.name}”.`)).toBeVisible();
  await annDialog.getByRole("button", { name: "Close" }).click();
  const admin = await asAdmin();
  const groupName = `Crew ${suffix}`;
  const group = await admin.request.post("/api/chat/rooms", { data: { kind: "GROUP", name: groupName, member_ids: [ann.id, ben.id] } });
  expect(group.status()).toBe(201);
  await expect(roomLink(ann.page, groupName)).toBeVisible();
  await expect(roomLink(ben.page, groupName)).toBeVisible();

  // Ann opens a direct chat with Ben and blocks him from its header.
  await ann.page.getByRole("button", { name: "New message" }).click();
  await annDialog.getByLabel("Search people").fill(ben.name);
  await annDialog.getByRole("button", { name: new RegExp(ben.name) }).click();
  await expect(ann.page.getByRole("heading", { level: 1, name: ben.name })).toBeVisible();
  await expectConnected(ann.page);
  const directId = Number(ann.page.url().split("/").pop());
  await ann.page.getByRole("button", { name: `Block ${ben.name}` }).click();
  await expect(ann.page.getByRole("button", { name: `Unblock ${ben.name}` })).toBeVisible();

  // Ben is not told, no longer finds Ann, and cannot open a direct chat with her.
  await expectConnected(ben.page);
  await ben.page.getByRole("button", { name: "New message" }).click();
  const benDialog = ben.page.getByRole("dialog", { name: "New message" });
  await benDialog.getByLabel("Search people").fill(ann.name);
  await expect(benDialog.getByText(`Nobody matches “${ann.name}”.`)).toBeVisible();
  await benDialog.getByRole("button", { name: "Close" }).click();
  const refused = await ben.page.request.post("/api/chat/rooms", { data: { kind: "DIRECT", user_id: ann.id } });
  expect(refused.status()).toBe(404);
  expect(await refused.json()).toEqual({ error: { code: "not_found", message: "User not found" } });

  // What Ben sends in the direct room shows as sent for him and never reaches Ann's open room.
  await openRoom(ben.page, ann.name);
  const hidden = `Are you there ${suffix}?`;
  await send(ben.page, hidden);
  await expect(messageWithText(ben.page, hidden)).toContainText("Sent");
  const reply = `Ann's note ${suffix}`;
  await send(ann.page, reply);
  await expect(messageWithText(ben.page, reply)).toBeVisible();
  await expect(messageList(ann.page).getByText(hidden)).toHaveCount(0);
  await ann.page.reload();
  await expect(messageWithText(ann.page, reply)).toBeVisible();
  await expect(messageList(ann.page).getByText(hidden)).toHaveCount(0);
  await expect(roomLink(ann.page, ben.name)).not.toContainText(hidden);
  expect(directId).toBeGreaterThan(0);

  // In the group they share, Ben's message is collapsed for Ann, and shown on request.
  await openRoom(ben.page, groupName);
  const inGroup = `Group hello ${suffix}`;
  await send(ben.page, inGroup);
  await openRoom(ann.page, groupName);
  await expect(messageList(ann.page).getByText("Message from a blocked person")).toBeVisible();
  await expect(messageList(ann.page).getByText(inGroup)).toHaveCount(0);
  await messageList(ann.page).getByRole("button", { name: "Show" }).click();
  await expect(messageList(ann.page).getByText(inGroup)).toBeVisible();

  // Ann unblocks Ben from Settings: he finds her again.
  await ann.page.goto("/settings");
  const blocked = ann.page.getByRole("region", { name: "Blocked people" });
  await blocked.getByRole("button", { name: `Unblock ${ben.name}` }).click();
  await expect(blocked.getByText("You have not blocked anyone.")).toBeVisible();
  await ben.page.getByRole("button", { name: "New message" }).click();
  await benDialog.getByLabel("Search people").fill(ann.name);
  await expect(benDialog.getByRole("button", { name: new RegExp(ann.name) })).toBeVisible();
  await ann.page.context().close();
  await ben.page.context().close();
});
