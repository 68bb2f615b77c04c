// npm run icons: renders app/icon.svg into the raster icons in public/ (favicon.ico, the Apple
// touch icon and the web manifest's icons). The outputs are committed; rerun after changing the SVG.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import sharp from "sharp";

const root = path.join(import.meta.dirname, "..");
const svg = readFileSync(path.join(root, "app", "icon.svg"));
const publicDir = path.join(root, "public");
/** The icon's own fill: iOS paints transparent pixels black, so the touch icon is made opaque. */
const BRAND = "#4f46e5";

const png = (size: number, opaque = false) => {
  // Rasterize at a density that gives `size` pixels directly, rather than upscaling a 32 px render.
  const image = sharp(svg, { density: Math.ceil((72 * size) / 32) }).resize(size, size);
  return (opaque ? image.flatten({ background: BRAND }) : image).png({ compressionLevel: 9 }).toBuffer();
};

/** An ICO container holding PNG images (supported by every browser that reads favicon.ico). */
function icoFromPngs(images: { size: number; data: Buffer }[]): Buffer {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  let offset = 6 + 16 * images.length;
  const entries = images.map(({ size, data }) => {
    const entry = Buffer.alloc(16);
    entry.writeUInt8(size >= 256 ? 0 : size, 0);
    entry.writeUInt8(size >= 256 ? 0 : size, 1);
    entry.writeUInt16LE(1, 4);
    entry.writeUInt16LE(32, 6);
    entry.writeUInt32LE(data.length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += data.length;
    return entry;
  });
  return Buffer.concat([header, ...entries, ...images.map((image) => image.data)]);
}

async function main() {
  mkdirSync(publicDir, { recursive: true });
  const outputs: [string, Buffer][] = [
    ["favicon.ico", icoFromPngs(await Promise.all([16, 32, 48].map(async (size) => ({ size, data: await png(size) }))))],
    ["apple-touch-icon.png", await png(180, true)],
    ["icon-192.png", await png(192)],
    ["icon-512.png", await png(512)],
  ];
  for (const [name, data] of outputs) {
    writeFileSync(path.join(publicDir, name), data);
    console.log(`public/${name}: ${data.length} bytes`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
