// Signs each test user in once through the login form; the specs reuse the saved session.
import { expect, test } from "./support/fixtures";
import { DEMO_PASSWORD, storageState, USERS, type UserKey } from "./support/users";

for (const user of Object.keys(USERS) as UserKey[]) {
  test(`sign in as ${user}`, async ({ page }) => {
    await page.goto("/login");
    await page.getByLabel("Email").fill(USERS[user].email);
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("navigation", { name: "Conversations" })).toBeVisible();
    await page.context().storageState({ path: storageState(user) });
  });
}
