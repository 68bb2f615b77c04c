// axe-core: no serious or critical violations on the main screens, light and dark.
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, test } from "./support/fixtures";
import { openRoom } from "./support/chat";

async function seriousViolations(page: Page) {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.map((n) => n.target.join(" ")).slice(0, 5) }));
}

test("login page", async ({ page }) => {
  await page.goto("/login");
  await expect(page.getByRole("button", { name: "Sign in" })).toBeEnabled();
  expect(await seriousViolations(page)).toEqual([]);
});

for (const colorScheme of ["light", "dark"] as const) {
  test(`room list and an open room (${colorScheme})`, async ({ signedIn }) => {
    const alice = await signedIn("alice");
    await alice.emulateMedia({ colorScheme });
    await alice.goto("/");
    await expect(alice.getByRole("navigation", { name: "Conversations" })).toBeVisible();
    expect(await seriousViolations(alice)).toEqual([]);
    await openRoom(alice, /End-of-tenancy clean/);
    expect(await seriousViolations(alice)).toEqual([]);
  });
}
