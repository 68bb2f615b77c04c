// The sidebar's "Filter chats" box narrows the loaded room list by name, ignoring case and accents.
import { expect, test } from "./support/fixtures";
import { createGroup, roomLink, unique } from "./support/chat";

test("the filter narrows the room list, ignores accents, and says when nothing matches", async ({ signedIn }) => {
  const alice = await signedIn("alice");
  const name = unique("Équipe Rénovation");
  await createGroup(alice, name, ["Bob Cleaner"]);
  const list = alice.getByRole("navigation", { name: "Conversations" });
  const links = list.getByRole("link");
  await expect(roomLink(alice, /Weekend team/)).toBeVisible();
  const all = await links.count();
  expect(all).toBeGreaterThan(2);

  const filter = alice.getByRole("searchbox", { name: "Filter chats" });
  await filter.fill("WEEKEND");
  await expect(links).toHaveCount(1);
  await expect(roomLink(alice, /Weekend team/)).toBeVisible();

  await filter.fill(`equipe renovation ${name.split(" ").pop()}`);
  await expect(links).toHaveCount(1);
  await expect(roomLink(alice, name)).toBeVisible();

  await filter.fill("no room is called this");
  await expect(links).toHaveCount(0);
  await expect(list.getByRole("status")).toHaveText("No chats match “no room is called this”.");

  await filter.fill("");
  await expect(links).toHaveCount(all);
  await expect(list.getByRole("status")).toHaveText("");
});
