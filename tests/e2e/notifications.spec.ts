// Browser notifications of new messages, in real Chromium against the production build, with
// only the Notification API replaced (by a recorder: headless Chromium cannot show system
// notifications). Everything else is real: the other person's send, the realtime event, the mute
// menu, the settings page, the in-app permission prompt; a hidden tab is the one emulated state
// (see hide()).
import type { BrowserContext, Page } from "@playwright/test";
import { createGroup, expectConnected, openRoom, roomLink, send, unique } from "./support/chat";
import { expect, test } from "./support/fixtures";

type Recorded = { title: string; body: string; tag: string };
declare global {
  interface Window {
    __notifications: Array<{ title: string; options: NotificationOptions; onclick: (() => void) | null }>;
    __permissionRequests: number;
  }
}

/** Replaces window.Notification in every page of the context, with this permission to start. */
async function recordNotifications(context: BrowserContext, permission: NotificationPermission) {
  await context.addInitScript((initial) => {
    window.__notifications = [];
    window.__permissionRequests = 0;
    let current: NotificationPermission = initial;
    class RecordingNotification {
      onclick: (() => void) | null = null;
      constructor(
        readonly title: string,
        readonly options: NotificationOptions = {},
      ) {
        window.__notifications.push(this);
      }
      static get permission() {
        return current;
      }
      static async requestPermission() {
        window.__permissionRequests++;
        current = "granted";
        return current;
      }
      close() {}
    }
    Object.defineProperty(window, "Notification", { value: RecordingNotification, configurable: true, writable: true });
  }, permission);
}

const shown = (page: Page) =>
  page.evaluate(() => window.__notifications.map((n): Recorded => ({ title: n.title, body: n.options.body ?? "", tag: n.options.tag ?? "" })));

/**
 * Hides the tab as the Page Visibility API reports it. Headless Chromium never hides a page
 * (checked: another tab brought to front, or the window minimized over CDP, both leave
 * visibilityState "visible"), so this one page-side override stands in for a person switching
 * away; the app's own visibilitychange listeners then run as they would.
 */
async function hide(page: Page): Promise<void> {
  await page.evaluate(() => {
    Object.defineProperty(document, "visibilityState", { configurable: true, get: () => "hidden" });
    Object.defineProperty(document, "hidden", { configurable: true, get: () => true });
    document.dispatchEvent(new Event("visibilitychange"));
  });
}

test("a new message in a room not on screen, or in a hidden tab, shows a system notification; clicking it opens the room", async ({ signedIn }) => {
  const [alice, bob] = await Promise.all([signedIn("alice"), signedIn("bob")]);
  await recordNotifications(bob.context(), "granted");
  await bob.goto("/");
  await expectConnected(bob);
  await alice.goto("/");
  const roomId = await openRoom(alice, /End-of-tenancy clean/);

  const first = unique("Running 10 minutes late");
  await send(alice, first);
  await expect
    .poll(() => shown(bob))
    .toEqual([{ title: expect.stringMatching(/^client1 in End-of-tenancy clean/), body: first, tag: expect.stringMatching(/^message-\d+$/) }]);

  await bob.evaluate(() => window.__notifications[0].onclick?.());
  await bob.waitForURL(`**/rooms/${roomId}`);
  const messages = bob.getByRole("region", { name: "Messages" });
  await expect(messages.getByText(first)).toBeVisible();
  await expect(bob.locator(`section[data-room-id="${roomId}"]`)).toHaveAttribute("data-subscribed", "true", { timeout: 20_000 });

  // On screen in a visible tab: the message shows, no notification.
  const seen = unique("Seen on screen");
  await send(alice, seen);
  await expect(messages.getByText(seen)).toBeVisible();
  expect(await shown(bob)).toHaveLength(1);

  // The same room, tab hidden: notified.
  await hide(bob);
  const hidden = unique("While you were away");
  await send(alice, hidden);
  await expect.poll(async () => (await shown(bob)).map((n) => n.body)).toEqual([first, hidden]);
});

test("a muted room counts unread but shows no notification; unmuted, it notifies again", async ({ signedIn }) => {
  const [alice, carol, dan] = await Promise.all([signedIn("alice"), signedIn("carol"), signedIn("dan")]);
  await recordNotifications(dan.context(), "granted");
  const name = unique("Mute test");
  await createGroup(carol, name, ["Dan Cleaner"]);
  await expect(carol.locator("section[data-room-id]")).toHaveAttribute("data-subscribed", "true", { timeout: 20_000 });
  await dan.goto("/");
  await expectConnected(dan);

  await openRoom(dan, name);
  await dan.getByRole("button", { name: "Mute notifications" }).click();
  await dan.getByRole("menu", { name: "Mute notifications" }).getByRole("menuitem", { name: "Until I unmute" }).click();
  await expect(dan.getByRole("button", { name: "Muted: change" })).toBeVisible();
  await expect(roomLink(dan, new RegExp(`${name}.*\\(muted\\)`))).toBeVisible();
  await dan.goto("/");
  await expectConnected(dan);

  const quiet = unique("While you were muted");
  await send(carol, quiet);
  // The message arrived (the list shows it, counted unread)...
  await expect(roomLink(dan, new RegExp(name))).toContainText(quiet);
  await expect(roomLink(dan, new RegExp(name))).toContainText("1 unread");
  // ...and a message in a room that is not muted, sent after it, is the only notification.
  await alice.goto("/");
  await openRoom(alice, /Oven and kitchen deep clean/);
  const probe = unique("Not muted");
  await send(alice, probe);
  await expect.poll(() => shown(dan)).toEqual([expect.objectContaining({ body: probe })]);

  await openRoom(dan, name);
  await dan.getByRole("button", { name: "Muted: change" }).click();
  await dan.getByRole("menuitem", { name: "Unmute", exact: true }).click();
  await expect(dan.getByRole("button", { name: "Mute notifications" })).toBeVisible();
  await dan.goto("/");
  await expectConnected(dan);
  const loud = unique("Unmuted now");
  await send(carol, loud);
  // A fresh page load (above) starts a fresh recorder.
  await expect.poll(async () => (await shown(dan)).map((n) => n.body)).toEqual([loud]);
});

test("the settings page is the sidebar's Settings link; hiding previews hides them from notifications", async ({ signedIn }) => {
  const [alice, bob] = await Promise.all([signedIn("alice"), signedIn("bob")]);
  await recordNotifications(bob.context(), "granted");
  await bob.goto("/");
  await expectConnected(bob);
  await bob.getByRole("link", { name: "Settings" }).click();
  await expect(bob.getByRole("heading", { level: 1, name: "Settings" })).toBeVisible();
  await expect(bob.getByRole("checkbox", { name: /Email me about unread messages/ })).toBeChecked();
  await expect(bob.getByRole("combobox", { name: "Wait before emailing" })).toHaveValue("10");
  await expect(bob.getByRole("checkbox", { name: /Send read receipts/ })).toBeChecked();
  await expect(bob.getByRole("checkbox", { name: /Push notifications on this device/ })).toBeVisible();
  try {
    await bob.getByRole("combobox", { name: "Wait before emailing" }).selectOption("30");
    const status = bob.getByRole("main").getByRole("status");
    await expect(status).toHaveText("Saved");
    const previews = bob.getByRole("checkbox", { name: /Hide message previews/ });
    await previews.check();
    await expect(previews).toBeEnabled();
    await expect(status).toHaveText("Saved");
    const saved = await (await bob.request.get("/api/chat/me/settings")).json();
    expect(saved).toMatchObject({ notify_email_delay_minutes: 30, notify_hide_previews: true });

    await alice.goto("/");
    await openRoom(alice, /End-of-tenancy clean/);
    const text = unique("The code is 4821");
    await send(alice, text);
    await expect.poll(() => shown(bob)).toEqual([expect.objectContaining({ title: "New message", body: "" })]);
  } finally {
    await bob.request.patch("/api/chat/me/settings", {
      data: { notify_hide_previews: false, notify_email_delay_minutes: 10 },
      headers: { origin: new URL(bob.url()).origin },
    });
  }
});

test("notifications are asked for from an in-app prompt, never on page load", async ({ signedIn }) => {
  const carol = await signedIn("carol");
  await recordNotifications(carol.context(), "default");
  await carol.goto("/");
  await expectConnected(carol);
  const prompt = carol.getByRole("region", { name: "Notifications" });
  await expect(prompt).toBeVisible();
  expect(await carol.evaluate(() => window.__permissionRequests)).toBe(0);
  await prompt.getByRole("button", { name: "Turn on notifications" }).click();
  await expect(prompt).toBeHidden();
  expect(await carol.evaluate(() => window.__permissionRequests)).toBe(1);
});
