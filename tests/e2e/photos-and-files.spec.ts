// Photos and files in messages, end to end on the production build: attach (button, drop, paste),
// upload with progress, send with a caption, the other person sees the thumbnails live and opens
// the photo viewer; refusals name each file; a retried send never uploads or stores twice.
import type { Page } from "@playwright/test";
import { attach, expectUploaded, noisyPng, pdf, photo } from "./support/attachments";
import { createGroup, expectConnected, messageWithText, openRoom, roomLink, unique } from "./support/chat";
import { expect, test } from "./support/fixtures";

const isServerAction = (method: string, headers: Record<string, string>) => method === "POST" && "next-action" in headers;

type StoredMessage = { content: string; attachments: Array<{ name: string; kind: string }> };
async function onServer(page: Page, roomId: number, text: string): Promise<StoredMessage[]> {
  const response = await page.request.get(`/api/chat/rooms/${roomId}/messages?limit=100`);
  const body = (await response.json()) as { messages: StoredMessage[] };
  return body.messages.filter((m) => m.content === text);
}

async function caption(page: Page, text: string) {
  const box = page.getByRole("textbox", { name: "Message" });
  await box.fill(text);
  await box.press("Enter");
}

test("A attaches two photos and a PDF; B sees the thumbnails live and browses them in the viewer", async ({ signedIn }) => {
  const [alice, bob] = await Promise.all([signedIn("alice"), signedIn("bob")]);
  await bob.goto("/");
  await expectConnected(bob);
  const name = unique("Flat handover");
  await createGroup(alice, name, ["Bob Cleaner"]);
  await expect(alice.locator("section[data-room-id]")).toHaveAttribute("data-subscribed", "true", { timeout: 20_000 });
  await expect(roomLink(bob, name)).toBeVisible();
  const roomId = await openRoom(bob, name);

  const picker = alice.locator('input[type="file"][multiple]');
  await expect(picker).toHaveAttribute("accept", /image\/jpeg.*application\/pdf/);
  await expect(alice.locator('input[type="file"][capture]')).toHaveAttribute("accept", "image/*");
  const files = [await photo("kitchen.jpg", 1200, 800), await photo("balcony 🌇.jpg", 600, 900, { r: 16, g: 185, b: 129 }), pdf("invoice.pdf")];
  await attach(alice, files);
  const tray = alice.getByRole("list", { name: "Attached files" });
  await expect(tray.getByRole("img", { name: "kitchen.jpg" })).toBeVisible();
  await expectUploaded(alice, 3);

  // Removing one before sending: it is not sent.
  await attach(alice, [await photo("blurry.jpg", 300, 300)]);
  await expectUploaded(alice, 4);
  // Removing it takes the unsent upload back on the server (its place among the room's 10 is freed).
  const discarded = alice.waitForResponse((r) => r.request().method() === "DELETE" && /\/api\/chat\/uploads\/[^/]+$/.test(r.url()));
  await tray.getByRole("button", { name: "Remove blurry.jpg" }).click();
  expect((await discarded).status()).toBe(204);
  await expect(tray.getByRole("listitem")).toHaveCount(3);

  const text = unique("Before and after");
  await caption(alice, text);
  await expect(alice.getByRole("list", { name: "Attached files" })).toHaveCount(0);
  await expect(messageWithText(alice, text)).toContainText("Sent");

  // Bob, without a reload: two thumbnails that loaded, in their real proportions, and the PDF card.
  const message = messageWithText(bob, text);
  const kitchen = message.getByRole("img", { name: "kitchen.jpg" });
  const balcony = message.getByRole("img", { name: "balcony 🌇.jpg" });
  await expect(kitchen).toBeVisible();
  await expect(balcony).toBeVisible();
  await expect(message.getByRole("img", { name: "blurry.jpg" })).toHaveCount(0);
  await expect(kitchen).toHaveAttribute("loading", "lazy");
  for (const [img, ratio] of [
    [kitchen, 1200 / 800],
    [balcony, 600 / 900],
  ] as const) {
    await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth > 0)).toBe(true);
    const box = await img.boundingBox();
    expect(box).not.toBeNull();
    if (box) expect(box.width / box.height).toBeCloseTo(ratio, 1);
  }
  const card = message.getByRole("link", { name: /invoice\.pdf.*Download/ });
  await expect(card).toContainText("invoice.pdf");
  const href = await card.getAttribute("href");
  const download = await bob.request.get(href ?? "");
  expect(download.status()).toBe(200);
  expect(download.headers()["content-type"]).toContain("application/pdf");
  expect(download.headers()["content-disposition"]).toMatch(/^attachment/);
  expect((await download.body()).subarray(0, 5).toString()).toBe("%PDF-");

  // The viewer: a modal dialog; arrows and a swipe move, Escape closes and focus goes back.
  const opener = message.getByRole("button", { name: "Open photo kitchen.jpg" });
  await opener.click();
  const viewer = bob.getByRole("dialog", { name: /^Photo 1 of 2: kitchen\.jpg/ });
  await expect(viewer).toBeVisible();
  await expect(viewer.getByRole("img", { name: "kitchen.jpg" })).toBeVisible();
  await expect(viewer.getByRole("button", { name: "Close" })).toBeFocused();
  await bob.keyboard.press("ArrowRight");
  await expect(bob.getByRole("dialog", { name: /^Photo 2 of 2: balcony/ }).getByRole("img", { name: "balcony 🌇.jpg" })).toBeVisible();
  await bob.keyboard.press("Tab");
  await expect(bob.locator("dialog[open] :focus")).toHaveCount(1);
  // A swipe to the right goes back to the first photo.
  const area = await bob.locator("dialog[open] img").boundingBox();
  if (!area) throw new Error("no photo in the viewer");
  const y = area.y + area.height / 2;
  await bob.mouse.move(area.x + 20, y);
  await bob.mouse.down();
  await bob.mouse.move(area.x + 200, y, { steps: 5 });
  await bob.mouse.up();
  await expect(bob.getByRole("dialog", { name: /^Photo 1 of 2: kitchen\.jpg/ })).toBeVisible();
  await bob.keyboard.press("Escape");
  await expect(bob.getByRole("dialog")).toHaveCount(0);
  await expect(opener).toBeFocused();

  // Stored once, with its three attachments.
  const stored = await onServer(bob, roomId, text);
  expect(stored).toHaveLength(1);
  expect(stored[0]?.attachments.map((a) => a.name).sort()).toEqual(["balcony 🌇.jpg", "invoice.pdf", "kitchen.jpg"]);

  // A photo with no caption: the room list says "Photo".
  await attach(alice, [await photo("door.jpg", 400, 300)]);
  await expectUploaded(alice, 1);
  await alice.getByRole("button", { name: "Send" }).click();
  await expect(roomLink(bob, name)).toContainText("Photo");
});

test("upload progress shows per file on a slow connection, and Send waits for it", async ({ signedIn }) => {
  const alice = await signedIn("alice");
  await alice.goto("/");
  await openRoom(alice, /End-of-tenancy clean/);
  const big = await noisyPng("site-survey.png", 900);
  expect(big.buffer.length).toBeGreaterThan(2_000_000);

  // About 1.5 MB/s up: the upload takes a couple of seconds.
  const cdp = await alice.context().newCDPSession(alice);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 20, downloadThroughput: -1, uploadThroughput: 1_500_000 });

  await attach(alice, [big]);
  const bar = alice.getByRole("progressbar", { name: "Uploading site-survey.png" });
  await expect(bar).toBeVisible();
  await expect(alice.getByRole("button", { name: "Send" })).toBeDisabled();
  await alice.getByRole("textbox", { name: "Message" }).fill("Survey photo");
  await expect(alice.getByRole("button", { name: "Send" })).toBeDisabled();
  await expect.poll(async () => Number(await bar.getAttribute("value")), { timeout: 20_000 }).toBeGreaterThan(0.05);
  await expect(bar).toHaveCount(0, { timeout: 30_000 });
  await expect(alice.getByRole("button", { name: "Send" })).toBeEnabled();
  await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
});

test("refused files are named with their reason and never uploaded; drop and paste attach too", async ({ signedIn }) => {
  const alice = await signedIn("alice");
  await alice.goto("/");
  await openRoom(alice, /End-of-tenancy clean/);
  const uploads: string[] = [];
  alice.on("request", (request) => {
    if (/\/api\/chat\/rooms\/\d+\/uploads$/.test(request.url())) uploads.push(request.url());
  });

  const tooBig = { name: "huge.jpg", mimeType: "image/jpeg", buffer: Buffer.alloc(10 * 1024 * 1024 + 1) };
  const text = { name: "notes.txt", mimeType: "text/plain", buffer: Buffer.from("hello") };
  await attach(alice, [tooBig, text]);
  const alert = alice.getByRole("alert").filter({ hasText: "huge.jpg" });
  await expect(alert).toContainText("huge.jpg: Too large (10.0 MB): at most 10 MB per file.");
  await expect(alert).toContainText("notes.txt: Only photos (JPEG, PNG, WebP, GIF, HEIC) and PDF files can be sent.");
  await expect(alice.getByRole("list", { name: "Attached files" })).toHaveCount(0);
  expect(uploads).toEqual([]);
  await alert.getByRole("button", { name: "Dismiss" }).click();
  await expect(alert).toHaveCount(0);

  // A drop onto the message list, and a paste into the message box.
  const dropped = await photo("dropped.jpg", 320, 240);
  const pasted = await photo("pasted.jpg", 240, 320);
  for (const [target, kind, file] of [
    [alice.getByRole("region", { name: "Messages" }), "drop", dropped],
    [alice.getByRole("textbox", { name: "Message" }), "paste", pasted],
  ] as const) {
    const transfer = await alice.evaluateHandle(
      ({ name, bytes }) => {
        const data = new DataTransfer();
        data.items.add(new File([new Uint8Array(bytes)], name, { type: "image/jpeg" }));
        return data;
      },
      { name: file.name, bytes: [...file.buffer] },
    );
    if (kind === "drop") {
      await target.dispatchEvent("dragenter", { dataTransfer: transfer });
      await target.dispatchEvent("drop", { dataTransfer: transfer });
    } else {
      await target.evaluate(
        (el, data) => el.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true })),
        transfer,
      );
    }
  }
  await expectUploaded(alice, 2);
  const tray = alice.getByRole("list", { name: "Attached files" });
  await expect(tray.getByRole("img", { name: "dropped.jpg" })).toBeVisible();
  await expect(tray.getByRole("img", { name: "pasted.jpg" })).toBeVisible();
  expect(uploads).toHaveLength(2);
});

test("a failed send with photos retries without uploading again and is stored once", async ({ signedIn, pageErrors }) => {
  // The aborted action call is logged by the browser as a failed load of the room's URL.
  pageErrors.allow(/Failed to load resource: net::ERR_FAILED \[http:\/\/localhost:\d+\/rooms\/\d+\]/);
  const alice = await signedIn("alice");
  await alice.goto("/");
  const roomId = await openRoom(alice, /End-of-tenancy clean/);
  const transfers: string[] = [];
  alice.on("request", (request) => {
    if (request.method() === "PUT" || /\/uploads(\/[^/]+\/complete)?$/.test(request.url())) transfers.push(`${request.method()} ${request.url()}`);
  });

  await attach(alice, [await photo("meter.jpg", 500, 500)]);
  await expectUploaded(alice, 1);
  expect(transfers).toHaveLength(3);

  await alice.route("**/*", (route) =>
    isServerAction(route.request().method(), route.request().headers()) ? route.abort("failed") : route.continue(),
  );
  const text = unique("Meter reading");
  await caption(alice, text);
  const mine = messageWithText(alice, text);
  await expect(mine).toContainText("Failed");
  await expect(mine.getByRole("img", { name: "meter.jpg" })).toBeVisible();
  expect(await onServer(alice, roomId, text)).toHaveLength(0);

  await alice.unrouteAll({ behavior: "wait" });
  await mine.getByRole("button", { name: "Retry" }).click();
  await expect(mine).toContainText("Sent");
  await expect(messageWithText(alice, text)).toHaveCount(1);
  const stored = await onServer(alice, roomId, text);
  expect(stored).toHaveLength(1);
  expect(stored[0]?.attachments.map((a) => a.name)).toEqual(["meter.jpg"]);
  expect(transfers).toHaveLength(3);
});
