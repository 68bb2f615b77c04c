// /login shows a "Continue with …" button for each OAuth provider that is configured, and only
// those (the e2e server sets dummy GitHub credentials and no Google ones), and explains an OAuth
// refusal that next-auth sends back to /login.
import { expect, test } from "./support/fixtures";

test("the login page offers GitHub (configured) and not Google (not configured)", async ({ page }) => {
  await page.goto("/login");
  await expect(page.getByRole("button", { name: "Continue with GitHub" })).toBeEnabled();
  await expect(page.getByRole("button", { name: "Continue with Google" })).toHaveCount(0);
});

test("an OAuth sign-in refused for an unverified email is explained on /login", async ({ page }) => {
  await page.goto("/login?error=OAuthEmailUnverified&provider=github");
  await expect(page.getByRole("alert").filter({ hasText: "Your GitHub account has no verified email address" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Sign in" })).toBeEnabled();
});
