// Opening a room by its URL: what the server rendered and what the browser hydrates must be the
// same, or React re-creates the room and erases what was typed in the first moments; and text
// typed before the page's scripts ran must survive them. Each demo user types into every one of
// their rooms as soon as the Message box appears (once with the scripts held back until then,
// once as fast as the page loads), in a time zone far from the server's UTC (Kiritimati, UTC+14).
import type { Page, Route } from "@playwright/test";
import { expectConnected, messageWithText, unique } from "./support/chat";
import { expect, test } from "./support/fixtures";
import { USERS, type UserKey } from "./support/users";

const FAR_ZONE = { timezoneId: "Pacific/Kiritimati", locale: "he-IL" };
const SCRIPTS = /\/_next\/static\/chunks\/.*\.js(\?.*)?$/;

/** Holds the page's script chunks (not its styles) back, as a slow network would, until `release()`. */
async function holdScripts(page: Page): Promise<() => Promise<void>> {
  const held: Route[] = [];
  let released = false;
  await page.route(SCRIPTS, (route) => (released ? route.continue() : void held.push(route)));
  return async () => {
    released = true;
    for (const route of held) await route.continue();
    await page.unroute(SCRIPTS);
  };
}

for (const user of Object.keys(USERS) as UserKey[]) {
  test(`${user}: text typed as soon as a room opens is kept, and sends`, async ({ signedIn }) => {
    test.setTimeout(180_000);
    const page = await signedIn(user, undefined, FAR_ZONE);
    await page.goto("/");
    const links = page.getByRole("navigation", { name: "Conversations" }).getByRole("link");
    await expect(links.first()).toBeVisible();
    const hrefs = await links.evaluateAll((els) => els.map((el) => el.getAttribute("href") ?? ""));
    expect(hrefs.length).toBeGreaterThan(0);

    // A finished job's read-only room has no Message box: it must hydrate and say why instead.
    const listed = (await (await page.request.get("/api/chat/rooms?limit=100")).json()) as {
      rooms: Array<{ id: number; job?: { read_only: boolean } }>;
    };
    const readOnly = new Set(listed.rooms.filter((r) => r.job?.read_only).map((r) => `/rooms/${r.id}`));

    for (const href of hrefs) {
      if (readOnly.has(href)) {
        await page.goto(href);
        await expect(page.getByText(/; the chat is read-only\.$/)).toBeVisible();
        await expect(page.getByRole("textbox", { name: "Message" })).toHaveCount(0);
        continue;
      }
      for (const scripts of ["held until typed", "as fast as they load"] as const) {
        const release = scripts === "held until typed" ? await holdScripts(page) : null;
        // "commit": typing starts while the page is still streaming and hydrating.
        await page.goto(href, { waitUntil: "commit" });
        const box = page.getByRole("textbox", { name: "Message" });
        const text = unique(`Typed at once in ${href}, scripts ${scripts} ✓ 日本語 🧹 שלום`);
        await box.fill(text);
        await release?.();

        await expectConnected(page);
        await expect(page.locator("section[data-room-id]")).toHaveAttribute("data-subscribed", "true", { timeout: 20_000 });
        await expect(page.getByRole("button", { name: "Send" }), `${href}, scripts ${scripts}`).toBeEnabled();
        await expect(box).toHaveValue(text);

        await box.press("Enter");
        await expect(messageWithText(page, text)).toContainText("Sent");
        await expect(box).toHaveValue("");
      }
    }
  });
}
