// The admin's browser session. auth.setup.ts signs in the chat users (each lands in a room list);
// the admin has no rooms, so it signs in through the same login form once per run
// (the `asAdmin` fixture in support/fixtures.ts).
import { expect, type Page } from "@playwright/test";
import { DEMO_PASSWORD } from "./users";

export const ADMIN = { email: "admin@example.com", username: "admin", name: "Ada Admin" };

/** Signs in through the login form and waits for the chat it lands on. */
export async function signInThroughForm(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => url.pathname === "/");
  await expect(page.getByRole("button", { name: "New message" })).toBeVisible();
}
