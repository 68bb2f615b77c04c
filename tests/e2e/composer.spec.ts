// The message box: Enter sends, Shift+Enter breaks the line, the counter guards the limit.
import { expect, test } from "./support/fixtures";
import { messages, openRoom, unique } from "./support/chat";

test("Shift+Enter makes a new line and Enter sends", async ({ signedIn }) => {
  const alice = await signedIn("alice");
  await alice.goto("/");
  await openRoom(alice, /Oven and kitchen deep clean/);
  const box = alice.getByRole("textbox", { name: "Message" });
  const first = unique("First line");
  await box.pressSequentially(first);
  await box.press("Shift+Enter");
  await box.pressSequentially("second line");
  await expect(box).toHaveValue(`${first}\nsecond line`);
  await box.press("Enter");
  await expect(box).toHaveValue("");
  const sent = messages(alice).filter({ hasText: first });
  await expect(sent).toContainText("Sent");
  expect(await sent.locator("p").first().textContent()).toBe(`${first}\nsecond line`);
});

test("the counter appears near the 4,000 limit and blocks longer messages", async ({ signedIn }) => {
  const alice = await signedIn("alice");
  await alice.goto("/");
  await openRoom(alice, /Oven and kitchen deep clean/);
  const box = alice.getByRole("textbox", { name: "Message" });
  const send = alice.getByRole("button", { name: "Send" });
  await box.fill("a".repeat(3990));
  await expect(alice.getByText("10 characters left")).toBeVisible();
  await expect(send).toBeEnabled();
  await box.fill("a".repeat(4010));
  await expect(alice.getByText("10 characters over the limit")).toBeVisible();
  await expect(send).toBeDisabled();
  await box.press("Enter");
  await expect(box).toHaveValue("a".repeat(4010));
});

test("links in messages are plain, safe links and markup stays text", async ({ signedIn }) => {
  const alice = await signedIn("alice");
  await alice.goto("/");
  await openRoom(alice, /Oven and kitchen deep clean/);
  const marker = unique("See");
  await alice.getByRole("textbox", { name: "Message" }).fill(`${marker} https://example.com/plan?a=1. <b>bold</b> javascript:alert(1)`);
  await alice.getByRole("textbox", { name: "Message" }).press("Enter");
  const sent = messages(alice).filter({ hasText: marker });
  await expect(sent).toContainText("Sent");
  const link = sent.getByRole("link", { name: "https://example.com/plan?a=1" });
  await expect(link).toHaveAttribute("href", "https://example.com/plan?a=1");
  await expect(link).toHaveAttribute("rel", "noopener noreferrer nofollow");
  await expect(sent).toContainText("<b>bold</b> javascript:alert(1)");
  await expect(sent.locator("b")).toHaveCount(0);
  await expect(sent.getByRole("link")).toHaveCount(1);
});
