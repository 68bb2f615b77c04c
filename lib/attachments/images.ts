import "server-only";
// Images are never served as uploaded: sharp decodes them (refusing decompression bombs before
// decoding), turns them upright from their EXIF orientation, and re-encodes a display size and a
// thumbnail as WebP with no metadata at all, so a phone photo's GPS position never leaves.
import sharp from "sharp";
import { AppError } from "@/lib/errors";
import { DISPLAY_MAX_PX, MAX_INPUT_PIXELS, THUMB_MAX_PX } from "@/lib/attachments/limits";

export type Reencoded = { display: Buffer; thumb: Buffer; width: number; height: number };

const unreadable = () => new AppError("unprocessable", "The image could not be read: the file may be damaged.");

export async function reencodeImage(bytes: Buffer, sniffed: string): Promise<Reencoded> {
  // The header alone: dimensions are known before a single pixel is decoded.
  const meta = await sharp(bytes, { limitInputPixels: false })
    .metadata()
    .catch(() => null);
  if (!meta?.width || !meta.height) throw unreadable();
  const height = meta.pageHeight ?? meta.height;
  if (meta.width * height > MAX_INPUT_PIXELS) {
    throw new AppError("unprocessable", `The image is too large to process: at most ${MAX_INPUT_PIXELS / 1_000_000} megapixels.`);
  }
  // failOn "warning": a truncated or corrupt image is refused rather than served half grey.
  const decode = () => sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS, failOn: "warning", animated: false }).rotate();
  const bounded = (px: number) => ({ width: px, height: px, fit: "inside" as const, withoutEnlargement: true });
  try {
    const display = await decode().resize(bounded(DISPLAY_MAX_PX)).webp({ quality: 82 }).toBuffer({ resolveWithObject: true });
    const thumb = await decode().resize(bounded(THUMB_MAX_PX)).webp({ quality: 70 }).toBuffer();
    return { display: display.data, thumb, width: display.info.width, height: display.info.height };
  } catch {
    if (sniffed === "image/heic" || sniffed === "image/heif") {
      throw new AppError("unsupported_type", "This HEIC photo cannot be read here: please send it as JPEG.");
    }
    throw unreadable();
  }
}
