// Photos and files on the production build (`next start`), server side: a phone photo goes
// through the real upload routes (start, PUT to the signed URL, complete) and a send; the other
// member's browser loads it without its EXIF GPS, a stranger gets 404, and the admin's room page
// shows its thumbnail. The composer and the room's display are the UI's (their own specs).
import sharp from "sharp";
import { expect, test } from "./support/fixtures";
import { unique } from "./support/chat";

const photoWithGps = () =>
  sharp({ create: { width: 2400, height: 1800, channels: 3, background: "#3a7" } })
    .jpeg()
    .withExif({
      IFD0: { Make: "TestPhone" },
      IFD3: { GPSLatitudeRef: "N", GPSLatitude: "51/1 30/1 2644/100", GPSLongitudeRef: "W", GPSLongitude: "0/1 7/1 3942/100" },
    })
    .toBuffer();

test("a photo sent through the upload routes reaches the room without its GPS, not strangers, and shows on the admin page", async ({
  signedIn,
  asAdmin,
}) => {
  const [alice, bob, carol] = await Promise.all([signedIn("alice"), signedIn("bob"), signedIn("carol")]);
  await alice.goto("/");
  const bobId = (await (await alice.request.get("/api/chat/users?q=cleaner1")).json()).users[0].id;
  const room = await (await alice.request.post("/api/chat/rooms", { data: { kind: "GROUP", name: unique("Photos"), member_ids: [bobId] } })).json();

  const photo = await photoWithGps();
  expect((await sharp(photo).metadata()).exif).toBeDefined();
  const started = await alice.request.post(`/api/chat/rooms/${room.id}/uploads`, {
    data: { name: "IMG_0042.jpg", size: photo.length, content_type: "image/jpeg" },
  });
  expect(started.status()).toBe(201);
  const { upload } = await started.json();
  expect((await alice.request.put(upload.upload_url, { headers: upload.headers, data: photo })).status()).toBe(204);
  const completed = await alice.request.post(`/api/chat/uploads/${upload.id}/complete`);
  expect(completed.status()).toBe(200);
  const { attachment } = await completed.json();
  expect(attachment).toMatchObject({ kind: "image", width: 1600, height: 1200, content_type: "image/webp" });
  const sent = await alice.request.post(`/api/chat/rooms/${room.id}/messages`, {
    data: { content: "", client_id: crypto.randomUUID(), attachment_ids: [upload.id] },
  });
  expect(sent.status()).toBe(201);

  // Bob's browser opens the photo itself: an image, inline, no metadata.
  const response = await bob.goto(attachment.url);
  expect(response?.status()).toBe(200);
  expect(response?.headers()).toMatchObject({ "content-type": "image/webp", "x-content-type-options": "nosniff" });
  expect(response?.headers()["content-disposition"]).toMatch(/^inline; filename="IMG_0042\.webp"/);
  const meta = await sharp(await response?.body()).metadata();
  expect(meta).toMatchObject({ format: "webp", width: 1600, height: 1200 });
  expect(meta.exif).toBeUndefined();

  // Carol is not in the room: the same 404 as for nothing at all.
  expect((await carol.request.get(attachment.url)).status()).toBe(404);
  expect((await carol.request.get(attachment.thumb_url)).status()).toBe(404);

  // The admin's room page shows the thumbnail, loaded.
  const admin = await asAdmin();
  await admin.goto(`/admin/rooms/${room.id}`);
  const thumb = admin.getByRole("list", { name: "Attachments" }).getByRole("img", { name: "IMG_0042.jpg" });
  await expect(thumb).toBeVisible();
  await expect.poll(() => thumb.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(400);
});
