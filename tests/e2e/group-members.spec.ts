// Group members: the owner removes someone, and another member's open members list and room
// header update without a reload, while the removed member's list drops the room.
import type { Page } from "@playwright/test";
import { createGroup, expectConnected, openRoom, roomLink, unique } from "./support/chat";
import { expect, test } from "./support/fixtures";

const membersButton = (page: Page) => page.getByRole("button", { name: /^Members \(\d+\)$/ });

test("the owner removes a member; the others see it live, the removed member loses the room", async ({ signedIn }) => {
  const [alice, bob, carol] = await Promise.all([signedIn("alice"), signedIn("bob"), signedIn("carol")]);
  await Promise.all([bob.goto("/"), carol.goto("/")]);
  await Promise.all([expectConnected(bob), expectConnected(carol)]);
  const name = unique("Move-out crew");
  await createGroup(alice, name, ["Bob Cleaner", "Carol Client"]);

  // Bob (not the owner) opens the room and its members: Owner shown, no Remove, Leave group there.
  await expect(roomLink(bob, name)).toBeVisible();
  await openRoom(bob, name);
  const header = bob.getByRole("region", { name }).locator("header");
  await expect(header).toContainText("3 members");
  await membersButton(bob).click();
  const bobDialog = bob.getByRole("dialog", { name: "Members" });
  await expect(bobDialog.getByRole("listitem")).toHaveCount(3);
  await expect(bobDialog.getByRole("listitem").filter({ hasText: "Alice Client" })).toContainText("Owner");
  await expect(bobDialog.getByRole("button", { name: /^Remove / })).toHaveCount(0);
  await expect(bobDialog.getByRole("button", { name: "Leave group" })).toBeVisible();

  // Alice (the owner) removes Carol from her own members dialog.
  await expect(alice.locator("section[data-room-id]")).toHaveAttribute("data-subscribed", "true", { timeout: 20_000 });
  await membersButton(alice).click();
  const aliceDialog = alice.getByRole("dialog", { name: "Members" });
  await aliceDialog.getByRole("button", { name: "Remove Carol Client" }).click();
  await expect(aliceDialog.getByRole("listitem")).toHaveCount(2);

  // Bob's open list and header follow, with no reload.
  await expect(bobDialog.getByRole("listitem")).toHaveCount(2);
  await expect(bobDialog).not.toContainText("Carol Client");
  await expect(header).toContainText("2 members");
  await expect(membersButton(bob)).toHaveAccessibleName("Members (2)");
  // Carol's room list drops the group.
  await expect(roomLink(carol, name)).toHaveCount(0);
});

test("a member leaves a group from the members dialog and lands back on the list", async ({ signedIn, pageErrors }) => {
  // Leaving ends Bob's realtime connections; reconnecting, his page may still ask for the room's
  // channel before it has navigated away, and is refused.
  pageErrors.allow(/status of 403 \(Forbidden\) \[http:\/\/localhost:\d+\/api\/pusher\/auth\]/);
  const [alice, bob] = await Promise.all([signedIn("alice"), signedIn("bob")]);
  const name = unique("Leavers");
  await createGroup(alice, name, ["Bob Cleaner"]);
  await expect(alice.locator("section[data-room-id]")).toHaveAttribute("data-subscribed", "true", { timeout: 20_000 });
  await bob.goto("/");
  await openRoom(bob, name);
  await membersButton(bob).click();
  await bob.getByRole("dialog", { name: "Members" }).getByRole("button", { name: "Leave group" }).click();
  await bob.waitForURL((url) => url.pathname === "/");
  await expect(roomLink(bob, name)).toHaveCount(0);
  // Alice's header follows.
  await expect(membersButton(alice)).toHaveAccessibleName("Members (1)");
});
