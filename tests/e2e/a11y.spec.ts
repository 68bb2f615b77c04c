// axe-core: no serious or critical violations on the main screens, light and dark.
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, test } from "./support/fixtures";
import { attach, expectUploaded, pdf, photo } from "./support/attachments";
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

for (const colorScheme of ["light", "dark"] as const) {
  test(`a room with photos and a file, the composer's preview strip, and the photo viewer (${colorScheme})`, async ({ signedIn }) => {
    const alice = await signedIn("alice");
    await alice.emulateMedia({ colorScheme });
    await alice.goto("/");
    await openRoom(alice, /End-of-tenancy clean/);
    await attach(alice, [await photo("stairs.jpg", 800, 600), pdf("quote.pdf")]);
    await expectUploaded(alice, 2);
    expect(await seriousViolations(alice)).toEqual([]);
    const box = alice.getByRole("textbox", { name: "Message" });
    await box.fill(`Stairs and the quote ${colorScheme}`);
    await box.press("Enter");
    const message = alice.locator("[data-message-id]").filter({ hasText: `Stairs and the quote ${colorScheme}` });
    // Stored (a message still sending is drawn faded, on purpose).
    await expect(message).toContainText("Sent");
    await expect(message.getByRole("img", { name: "stairs.jpg" })).toBeVisible();
    await expect(message.getByRole("link", { name: /quote\.pdf.*Download/ })).toBeVisible();
    expect(await seriousViolations(alice)).toEqual([]);
    await message.getByRole("button", { name: "Open photo stairs.jpg" }).click();
    await expect(alice.getByRole("dialog", { name: /stairs\.jpg/ })).toBeVisible();
    expect(await seriousViolations(alice)).toEqual([]);

    // The other side: the same message in a received bubble.
    const bob = await signedIn("bob");
    await bob.emulateMedia({ colorScheme });
    await bob.goto("/");
    await openRoom(bob, /End-of-tenancy clean/);
    await expect(
      bob
        .locator("[data-message-id]")
        .filter({ hasText: `Stairs and the quote ${colorScheme}` })
        .getByRole("img", { name: "stairs.jpg" }),
    ).toBeVisible();
    expect(await seriousViolations(bob)).toEqual([]);
  });
}
