// The admin's browser session. auth.setup.ts signs in the chat users (each lands in a room list);
// the admin has no rooms, so it signs in here, through the same login form, once per run.
import { type BrowserContext, type Page, expect } from "@playwright/test";
import { test as chatTest } from "./chat";
import { DEMO_PASSWORD } from "./users";

export const ADMIN = { email: "admin@example.com", username: "admin", name: "Ada Admin" };

type StorageState = Awaited<ReturnType<BrowserContext["storageState"]>>;

/** Signs in through the login form and waits for the chat it lands on. */
export async function signInThroughForm(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => url.pathname === "/");
  await expect(page.getByRole("button", { name: "New message" })).toBeVisible();
}

let adminState: Promise<StorageState> | null = null;

/** `asAdmin()` opens a page in a fresh context signed in as the demo admin; closed when the test ends. */
export const test = chatTest.extend<{ asAdmin: () => Promise<Page> }>({
  asAdmin: async ({ browser }, use) => {
    const contexts: BrowserContext[] = [];
    await use(async () => {
      adminState ??= (async () => {
        const context = await browser.newContext();
        await signInThroughForm(await context.newPage(), ADMIN.email);
        const state = await context.storageState();
        await context.close();
        return state;
      })();
      const context = await browser.newContext({ storageState: await adminState, viewport: { width: 1280, height: 800 } });
      contexts.push(context);
      return context.newPage();
    });
    for (const context of contexts) await context.close();
  },
});
