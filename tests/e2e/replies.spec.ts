// Replies with two people live: Alice finds a message 2,000 back by search (the room opens at
// it, highlighted), replies to it; Bob sees the quote live, and clicking it loads the page
// around the original far up the history and highlights it.
import type { Page } from "@playwright/test";
import { expect, test } from "./support/fixtures";
import { createGroup, expectConnected, messageList, messages, messageWithText, openRoom, roomLink, send, unique } from "./support/chat";
import { seedMessages } from "./support/realtime-control";
import { USERS } from "./support/users";

test("a reply quotes the original live; its quote jumps 2,000 messages back; a search result opens at the hit", async ({ signedIn }) => {
  test.setTimeout(120_000);
  const [alice, bob] = await Promise.all([signedIn("alice"), signedIn("bob")]);
  await bob.goto("/");
  await expectConnected(bob);
  const name = unique("Deep history");
  await createGroup(alice, name, ["Bob Cleaner"]);
  const roomId = Number(alice.url().split("/").pop());

  // Bob's original, then 2,000 messages on top of it.
  const word = `Boiler${Date.now().toString(36)}`;
  await seedMessages(roomId, USERS.bob.email, 1, `The ${word} code is 4471, and the spare key is in the shed`);
  await seedMessages(roomId, USERS.bob.email, 2000, "Filler");
  const original = `The ${word} code is 4471, and the spare key is in the shed 1`;
  // The message itself, not a reply whose quote repeats its text.
  const originalIn = (page: Page) =>
    messages(page)
      .filter({ hasText: original })
      .filter({ hasNot: page.getByRole("button", { name: /^Go to message from/ }) });

  // Search opens the room at the hit, highlighted and focused, not at the bottom.
  await alice.goto("/");
  await expectConnected(alice);
  await alice.getByRole("searchbox", { name: "Search messages" }).fill(word);
  await alice.getByRole("region", { name: "Search results" }).getByRole("link").filter({ hasText: word }).click();
  await expect(alice).toHaveURL(new RegExp(`/rooms/${roomId}\\?message=\\d+$`));
  const hit = originalIn(alice);
  await expect(hit).toHaveAttribute("aria-current", "true");
  await expect(hit).toBeFocused();
  await expect(hit).toBeInViewport();
  await expect(messageWithText(alice, "Filler 2000")).toHaveCount(1); // the newest page is held too, below a gap
  await expect(alice.getByRole("button", { name: "Load newer messages" })).toHaveCount(1);

  await openRoom(bob, name);
  await expect(originalIn(bob)).toHaveCount(0);

  // Reply: the banner names the original; Escape cancels it, Reply brings it back.
  const box = alice.getByRole("textbox", { name: "Message" });
  const chooseReply = async () => {
    await hit.getByRole("button", { name: "Message actions" }).click();
    await alice.getByRole("menu", { name: "Message actions" }).getByRole("menuitem", { name: "Reply" }).click();
  };
  await chooseReply();
  const banner = alice.getByText(/^Replying to/);
  await expect(banner).toContainText(`Replying to Bob Cleaner: The ${word} code is 4471`);
  await expect(box).toBeFocused();
  await box.press("Escape");
  await expect(banner).toHaveCount(0);
  await chooseReply();
  await alice.getByRole("button", { name: "Cancel" }).click();
  await expect(banner).toHaveCount(0);
  await chooseReply();
  const reply = unique("Thanks, got in with it");
  // The server's answer is held back: the quote shows at once on the optimistic copy.
  let release = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  await alice.route(`**/rooms/${roomId}*`, async (route) => {
    if (route.request().method() === "POST") await held;
    await route.continue();
  });
  await send(alice, reply);
  await expect(banner).toHaveCount(0);
  const mine = messageWithText(alice, reply);
  await expect(mine).toContainText("Sending");
  await expect(mine.getByRole("button", { name: "Go to message from Bob Cleaner" })).toContainText(`The ${word} code is 4471`);
  release();
  await expect(mine).toContainText("Sent");
  await alice.unroute(`**/rooms/${roomId}*`);

  // Bob sees the reply live with its quote; the original is 2,000 messages up, not loaded.
  const bobsCopy = messageWithText(bob, reply);
  const quote = bobsCopy.getByRole("button", { name: "Go to message from Bob Cleaner" });
  await expect(quote).toContainText(`The ${word} code is 4471`);
  await expect(originalIn(bob)).toHaveCount(0);
  await quote.click();
  const found = originalIn(bob);
  await expect(found).toHaveAttribute("aria-current", "true");
  await expect(found).toBeFocused();
  await expect(found).toBeInViewport();
  await expect(messageWithText(bob, "Filler 1000")).toHaveCount(0);

  // While Bob reads far back, Alice's next message still reaches the end of his timeline.
  const later = unique("One more thing");
  await send(alice, later);
  await expect(messageWithText(bob, later)).toHaveCount(1);
  const order = await messageList(bob)
    .locator("[data-message-id]")
    .evaluateAll((els) => els.map((el) => el.textContent ?? ""));
  expect(order.findIndex((t) => t.includes(later))).toBe(order.length - 1);
  expect(order.findIndex((t) => t.includes(original))).toBeLessThan(order.findIndex((t) => t.includes("Filler 2000")));
  expect(order.findIndex((t) => t.includes("Filler 2000"))).toBeLessThan(order.findIndex((t) => t.includes(reply)));
  await expect(roomLink(bob, name)).toContainText(later);
});

test("the search box takes 200 bytes, as the search route does: CJK and emoji never answer an error", async ({ signedIn }) => {
  const alice = await signedIn("alice");
  await alice.goto("/");
  const box = alice.getByRole("searchbox", { name: "Search messages" });
  const status = alice.getByRole("region", { name: "Search results" }).getByRole("status");
  // 100 CJK characters are 300 bytes: the box keeps the first 66 (198 bytes).
  await box.fill("漢".repeat(100));
  await expect(box).toHaveValue("漢".repeat(66));
  await expect(status).toHaveText("No messages found");
  // Emoji are 4 bytes and two UTF-16 units: 50 whole ones, never half of one.
  await box.fill("👍".repeat(60));
  await expect(box).toHaveValue("👍".repeat(50));
  await expect(status).toHaveText("No messages found");
  // Right-to-left text, 2 bytes a letter.
  await box.fill("ש".repeat(150));
  await expect(box).toHaveValue("ש".repeat(100));
  await expect(status).toHaveText("No messages found");
});
