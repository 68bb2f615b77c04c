// docs/screenshots: `npm run screenshots` (E2E_SCREENSHOTS=1); not part of the test run, it only takes pictures.
import { expect } from "@playwright/test";
import { messages, openRoom, test } from "./support/chat";

const dir = "docs/screenshots";

test("screenshots", async ({ signedIn }) => {
  const alice = await signedIn("alice");
  await alice.goto("/");
  await expect(alice.getByRole("navigation", { name: "Conversations" })).toBeVisible();
  await alice.screenshot({ path: `${dir}/room-list.png` });
  await openRoom(alice, /Job #1 Chat/);
  await expect(messages(alice).first()).toBeVisible();
  await alice.screenshot({ path: `${dir}/room.png` });
  await alice.emulateMedia({ colorScheme: "dark" });
  await alice.reload();
  await expect(messages(alice).first()).toBeVisible();
  await alice.screenshot({ path: `${dir}/room-dark.png` });

  const phone = await signedIn("bob", { width: 390, height: 844 });
  await phone.goto("/");
  await expect(phone.getByRole("navigation", { name: "Conversations" })).toBeVisible();
  await phone.screenshot({ path: `${dir}/mobile-room-list.png` });
  await openRoom(phone, "Cleaners' lounge");
  await phone.screenshot({ path: `${dir}/mobile-room.png` });
});
