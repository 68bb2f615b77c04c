// The admin's search and export: a word a person just sent is found in every room, the hit opens
// the room's detail page at that message, and the room downloads as CSV with the message in it.
import { readFile } from "node:fs/promises";
import { expect, test } from "./support/fixtures";
import { expectConnected, messageWithText, send, unique } from "./support/chat";
import { expectClean, watch } from "./support/violations";

test("an admin finds a message by a word in it, opens its room at the message, and exports the room", async ({ signedIn, asAdmin }) => {
  const alice = await signedIn("alice");
  await alice.goto("/");
  await expectConnected(alice);
  await alice.getByRole("navigation", { name: "Conversations" }).locator('a[href^="/rooms/"]').first().click();
  await alice.waitForURL(/\/rooms\/\d+$/);
  const roomId = Number(alice.url().split("/").pop());
  const word = unique("Keybox").replace(" ", "").toLowerCase();
  const text = `The ${word} is by the back door, «código» 鍵 🔑`;
  await send(alice, text);
  await expect(messageWithText(alice, word)).toContainText("Sent");

  const admin = await asAdmin();
  const problems = await watch(admin);
  await admin.goto("/admin");
  await admin.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Search" }).click();
  await admin.getByLabel("Words").fill(word.slice(0, 10));
  await admin.getByLabel("Room id").fill(String(roomId));
  await admin.getByRole("button", { name: "Search" }).click();
  const hits = admin
    .getByRole("table", { name: /Matching messages/ })
    .getByRole("row")
    .filter({ hasText: word });
  await expect(hits).toHaveCount(1);
  await expect(hits.locator("mark")).toHaveText(word.slice(0, 10), { ignoreCase: true });

  await hits.getByRole("link").click();
  await admin.waitForURL(new RegExp(`/admin/rooms/${roomId}\\?before=\\d+#message-\\d+$`));
  const messageId = admin.url().split("#message-")[1];
  const row = admin.locator(`#message-${messageId}`);
  await expect(row).toContainText(text);
  expect(await row.evaluate((el) => el.matches(":target"))).toBe(true);

  const download = admin.waitForEvent("download");
  await admin.getByRole("link", { name: "CSV" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(new RegExp(`^room-${roomId}-\\d{4}-\\d{2}-\\d{2}\\.csv$`));
  const csv = await readFile((await file.path()) ?? "", "utf8");
  expect(csv).toContain(`${messageId},`);
  expect(csv).toContain(text);
  await expectClean(admin, problems);
});
