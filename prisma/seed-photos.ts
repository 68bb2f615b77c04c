// Demo photos for the seed: drawn here with sharp (gradients and shapes, no copyrighted material),
// stored through the app's storage driver and attached to demo messages as the upload flow would.
import sharp from "sharp";
import type { createPrismaClient } from "@/lib/db";
import { DISPLAY_MAX_PX, THUMB_MAX_PX } from "@/lib/attachments/limits";
import { storage } from "@/lib/storage";

type Db = ReturnType<typeof createPrismaClient>;

const SCENES = [
  {
    name: "oven.jpg",
    from: "#3b3b46",
    to: "#9a8f86",
    shape:
      '<rect x="260" y="240" width="680" height="460" rx="36" fill="#222" /><rect x="320" y="300" width="560" height="300" rx="18" fill="#5a4b3c" />',
  },
  {
    name: "bathroom-tiles.jpg",
    from: "#d8e6ee",
    to: "#7fa4b8",
    shape: Array.from(
      { length: 6 },
      (_, i) => `<line x1="${i * 200 + 100}" y1="0" x2="${i * 200 + 100}" y2="900" stroke="#fff" stroke-width="6" />`,
    ).join(""),
  },
  {
    name: "kitchen-after.jpg",
    from: "#f4efe6",
    to: "#c9d7c3",
    shape: '<circle cx="600" cy="450" r="220" fill="#ffffff" opacity="0.7" /><circle cx="600" cy="450" r="120" fill="#e8f1e4" />',
  },
] as const;

function svg(scene: (typeof SCENES)[number]): Buffer {
  return Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="900">
    <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${scene.from}" /><stop offset="1" stop-color="${scene.to}" /></linearGradient></defs>
    <rect width="1200" height="900" fill="url(#g)" />${scene.shape}</svg>`);
}

/** Stores `count` demo photos as ready attachments of `messageId` (by `uploaderId` in `roomId`). */
export async function attachDemoPhotos(db: Db, input: { roomId: number; uploaderId: number; messageId: bigint; scenes: number[] }): Promise<void> {
  for (const index of input.scenes) {
    const scene = SCENES[index % SCENES.length];
    const id = crypto.randomUUID();
    const folder = `rooms/${input.roomId}/${id}`;
    const image = sharp(svg(scene));
    const bounded = (px: number) => ({ width: px, height: px, fit: "inside" as const, withoutEnlargement: true });
    const display = await image.clone().resize(bounded(DISPLAY_MAX_PX)).webp({ quality: 82 }).toBuffer({ resolveWithObject: true });
    const thumb = await image.clone().resize(bounded(THUMB_MAX_PX)).webp({ quality: 70 }).toBuffer();
    await storage().put(`${folder}/display.webp`, display.data, "image/webp");
    await storage().put(`${folder}/thumb.webp`, thumb, "image/webp");
    await db.attachment.create({
      data: {
        id,
        roomId: input.roomId,
        uploaderId: input.uploaderId,
        messageId: input.messageId,
        status: "ready",
        kind: "image",
        name: scene.name,
        contentType: "image/webp",
        size: display.data.length,
        width: display.info.width,
        height: display.info.height,
        storageKey: `${folder}/display.webp`,
        thumbKey: `${folder}/thumb.webp`,
      },
    });
  }
}
