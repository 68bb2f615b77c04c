// What the tests do as a person would: open a room from the list, type, send, read.
import { randomUUID } from "node:crypto";
import { expect, type Page } from "@playwright/test";

export const unique = (label: string) => `${label} ${randomUUID().slice(0, 8)}`;

export async function expectConnected(page: Page): Promise<void> {
  await expect(page.locator("[data-realtime]")).toHaveAttribute("data-realtime", "connected", { timeout: 20_000 });
}

export const roomLink = (page: Page, name: string | RegExp) => page.getByRole("navigation", { name: "Conversations" }).getByRole("link", { name });

/** Opens a room from the sidebar and waits until it is on screen with its channel live. */
export async function openRoom(page: Page, name: string | RegExp): Promise<number> {
  const link = roomLink(page, name);
  const href = await link.getAttribute("href");
  const roomId = Number(href?.split("/").pop());
  await link.click();
  await page.waitForURL(`**/rooms/${roomId}`);
  await expect(page.locator(`section[data-room-id="${roomId}"]`)).toHaveAttribute("data-subscribed", "true", { timeout: 20_000 });
  await expect(page.getByRole("textbox", { name: "Message" })).toBeEnabled();
  return roomId;
}

export const messageList = (page: Page) => page.getByRole("region", { name: "Messages" });
export const messages = (page: Page) => messageList(page).locator("[data-message-id]");
export const messageWithText = (page: Page, text: string) => messages(page).filter({ hasText: text });

export async function send(page: Page, text: string): Promise<void> {
  const box = page.getByRole("textbox", { name: "Message" });
  await box.fill(text);
  await box.press("Enter");
}

/** The ids of the rendered stored messages, in page order. */
export async function renderedIds(page: Page): Promise<number[]> {
  const ids = await messages(page).evaluateAll((els) => els.map((el) => el.getAttribute("data-message-id") ?? ""));
  return ids.filter((id) => /^\d+$/.test(id)).map(Number);
}

/** Creates a group from the "New group" dialog, picking each person by display name, and waits for it to open. */
export async function createGroup(owner: Page, name: string, people: string[]) {
  await owner.goto("/");
  await owner.getByRole("button", { name: "New group" }).click();
  const dialog = owner.getByRole("dialog", { name: "New group" });
  await dialog.getByLabel("Group name").fill(name);
  for (const person of people) {
    await dialog.getByLabel("Search people").fill(person.split(" ")[0]);
    await dialog.getByRole("checkbox", { name: new RegExp(person) }).check();
  }
  await dialog.getByRole("button", { name: "Create group" }).click();
  await expect(owner.getByRole("heading", { level: 1, name })).toBeVisible();
}
