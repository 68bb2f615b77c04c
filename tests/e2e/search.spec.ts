// Message search from the sidebar: a word from a message another person just sent finds it,
// highlighted, and choosing the result opens its room; someone outside the room finds nothing.
import { expect, test } from "./support/fixtures";
import { expectConnected, messageWithText, openRoom, send } from "./support/chat";

test("search finds a message by a word in it and opens its room; strangers' rooms never match", async ({ signedIn }) => {
  const alice = await signedIn("alice");
  const bob = await signedIn("bob");
  const carol = await signedIn("carol");
  await alice.goto("/");
  await expectConnected(alice);
  const roomId = await openRoom(alice, "Weekend team");
  const word = `Flat4B${Date.now().toString(36)}`;
  const text = `The keys for ${word} are under the mat`;
  await send(alice, text);
  await expect(messageWithText(alice, text)).toContainText("Sent");

  await bob.goto("/");
  await expectConnected(bob);
  // A prefix in another case finds it: "simple" full-text with prefix matching.
  await bob.getByRole("searchbox", { name: "Search messages" }).fill(word.slice(0, -2).toLowerCase());
  const results = bob.getByRole("region", { name: "Search results" });
  const hit = results.getByRole("link").filter({ hasText: text });
  await expect(hit).toHaveCount(1);
  await expect(hit).toContainText("Weekend team");
  await expect(hit).toContainText("client1");
  await expect(hit.locator("mark")).toHaveText(word.slice(0, -2));
  await hit.click();
  await expect(bob).toHaveURL(new RegExp(`/rooms/${roomId}\\?message=\\d+$`));
  await expect(messageWithText(bob, text)).toHaveCount(1);
  // Choosing a result clears the search and brings the room list back.
  await expect(bob.getByRole("searchbox", { name: "Search messages" })).toHaveValue("");

  await carol.goto("/");
  await expectConnected(carol);
  await carol.getByRole("searchbox", { name: "Search messages" }).fill(word);
  await expect(carol.getByRole("region", { name: "Search results" }).getByRole("status")).toHaveText("No messages found");
});
