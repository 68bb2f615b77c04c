// The 5,000-message room: older pages load while scrolling up, with no duplicates and no jump.
import type { Page } from "@playwright/test";
import { expect, test } from "./support/fixtures";
import { expectConnected, messageList, messages, messageWithText, openRoom, renderedIds, send, unique } from "./support/chat";

function expectAscendingUnique(ids: number[]) {
  expect(new Set(ids).size).toBe(ids.length);
  expect([...ids].sort((a, b) => a - b)).toEqual(ids);
}

/** Holds the next older-page request until `release` is called, so positions can be measured first. */
async function holdOlderPage(page: Page) {
  let release = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route(/\/messages\?.*before=/, async (route) => {
    await released;
    await route.continue();
  });
  return { release, done: () => page.unroute(/\/messages\?.*before=/) };
}

test("scrolling up loads older pages with no duplicates and no jump", async ({ signedIn }) => {
  const alice = await signedIn("alice");
  await alice.goto("/");
  await openRoom(alice, "Cleaners' lounge");
  await expect(messages(alice)).toHaveCount(50);
  let ids = await renderedIds(alice);
  expectAscendingUnique(ids);

  for (let loaded = 1; loaded <= 3; loaded++) {
    const oldest = ids[0];
    const held = await holdOlderPage(alice);
    await messageList(alice).evaluate((el) => {
      el.scrollTop = -el.scrollHeight;
    });
    await expect(alice.getByRole("button", { name: "Loading older messages…" })).toBeVisible();
    const anchor = messageList(alice).locator(`[data-message-id="${oldest}"]`);
    const before = await anchor.boundingBox();
    held.release();
    await expect(messages(alice)).toHaveCount(50 * (loaded + 1));
    const after = await anchor.boundingBox();
    expect(Math.abs((after?.y ?? 0) - (before?.y ?? 0))).toBeLessThanOrEqual(2);
    await held.done();
    ids = await renderedIds(alice);
    expectAscendingUnique(ids);
    expect(ids[49]).toBeLessThan(oldest);
  }

  // The button does the same for keyboard and assistive-technology users. (Bringing it into
  // view may already start the load; either way one more page arrives.)
  await alice.getByRole("button", { name: "Load older messages" }).click();
  await expect(messages(alice)).not.toHaveCount(200);
  await expect(alice.getByRole("button", { name: "Load older messages" })).toBeVisible();
  const all = await renderedIds(alice);
  expect(all.length % 50).toBe(0);
  expectAscendingUnique(all);
});

test("a short room shows its beginning; scrolled up, new messages offer a jump to the latest", async ({ signedIn }) => {
  const alice = await signedIn("alice");
  const bob = await signedIn("bob");
  await alice.goto("/");
  await openRoom(alice, /Oven and kitchen deep clean/);
  await expect(alice.getByText("Beginning of conversation")).toBeVisible();

  await openRoom(alice, "Cleaners' lounge");
  await bob.goto("/");
  await expectConnected(bob);
  await openRoom(bob, "Cleaners' lounge");
  await messageList(alice).evaluate((el) => {
    el.scrollTop = -el.scrollHeight;
  });
  await expect(messages(alice)).toHaveCount(100);

  const text = unique("Who has the van keys?");
  await send(bob, text);
  const jump = alice.getByRole("button", { name: /Jump to latest/ });
  await expect(jump).toContainText("1");
  await expect(messageWithText(alice, text)).not.toBeInViewport();
  await jump.click();
  await expect(messageWithText(alice, text)).toBeInViewport();
  await expect(jump).toBeHidden();
});
