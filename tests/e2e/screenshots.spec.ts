// docs/screenshots: `npm run screenshots` (E2E_SCREENSHOTS=1); not part of the test run, it only takes pictures.
import { expect, test } from "./support/fixtures";
import { attach, expectUploaded, pdf, scene } from "./support/attachments";
import { messages, openRoom } from "./support/chat";

const dir = "docs/screenshots";

test("screenshots", async ({ signedIn, asAdmin }) => {
  // Bob sends photos of the finished job and the invoice, so the room shows attachments.
  const bob = await signedIn("bob");
  await bob.goto("/");
  await openRoom(bob, /End-of-tenancy clean/);
  await attach(bob, [
    await scene("kitchen.jpg", 1200, 800, ["#38bdf8", "#e0f2fe"], "#65a30d"),
    await scene("garden.jpg", 800, 1000, ["#f97316", "#fde68a"], "#15803d"),
    pdf("invoice-1042.pdf"),
  ]);
  await expectUploaded(bob, 3);
  const box = bob.getByRole("textbox", { name: "Message" });
  await box.fill("All done! Photos of the kitchen and the garden, and the invoice.");
  await box.press("Enter");
  await expect(bob.getByText("Sent").last()).toBeVisible();

  const alice = await signedIn("alice");
  await alice.goto("/");
  await expect(alice.getByRole("navigation", { name: "Conversations" })).toBeVisible();
  await alice.screenshot({ path: `${dir}/room-list.png` });
  await openRoom(alice, /End-of-tenancy clean/);
  await expect(messages(alice).first()).toBeVisible();
  // A reply that mentions the cleaner, so the picture shows a quote and a mention.
  const last = messages(alice).last();
  await last.hover();
  await last.getByRole("button", { name: "Message actions" }).click();
  await alice.getByRole("menu", { name: "Message actions" }).getByRole("menuitem", { name: "Reply" }).click();
  const reply = alice.getByRole("textbox", { name: "Message" });
  await reply.pressSequentially("Thanks @Bo");
  await alice
    .getByRole("listbox", { name: "Mention someone" })
    .getByRole("option", { name: /Bob Cleaner/ })
    .click();
  await reply.pressSequentially("the keybox code is 4B.");
  await reply.press("Enter");
  await expect(messages(alice).last()).toContainText("Thanks @Bob Cleaner the keybox code is 4B.");
  await expect(messages(alice).last()).toContainText("Sent");
  await expect
    .poll(() => alice.locator("[data-message-id] img").evaluateAll((imgs) => imgs.every((i) => (i as HTMLImageElement).complete)))
    .toBe(true);
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

  const admin = await asAdmin();
  await admin.goto("/admin");
  await expect(admin.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
  await admin.screenshot({ path: `${dir}/admin-overview.png`, fullPage: true });
  await admin.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Rooms" }).click();
  await admin.getByRole("link", { name: /End-of-tenancy clean/ }).click();
  await expect(admin.getByRole("heading", { level: 1, name: /End-of-tenancy clean/ })).toBeVisible();
  await admin.screenshot({ path: `${dir}/admin-room.png` });
});
