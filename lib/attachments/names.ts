// File names as stored and shown, and as Content-Disposition carries them.
import { MAX_NAME_BYTES } from "@/lib/attachments/limits";

const encoder = new TextEncoder();
const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });

/**
 * A name safe to store and show: no control or formatting characters (a right-to-left override
 * can make "gpj.exe" read as "exe.jpg"), no path separators, at most MAX_NAME_BYTES UTF-8 bytes
 * cut between grapheme clusters; "file" when nothing is left.
 */
export function sanitizeName(raw: string): string {
  const cleaned = raw
    .normalize("NFC")
    // Controls, bidirectional overrides and marks, BOM, line/paragraph separators; ZWJ stays (emoji sequences).
    .replace(/[\p{Cc}\p{Zl}\p{Zp}\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/gu, "")
    .replace(/[/\\]/g, "_")
    .trim();
  let bytes = 0;
  let out = "";
  for (const { segment } of graphemes.segment(cleaned)) {
    const size = encoder.encode(segment).length;
    if (bytes + size > MAX_NAME_BYTES) break;
    bytes += size;
    out += segment;
  }
  out = out.trim();
  return out === "" || out === "." || out === ".." ? "file" : out;
}

/** The name with its extension replaced (images are served re-encoded as WebP). */
export function withExtension(name: string, ext: string): string {
  const dot = name.lastIndexOf(".");
  return `${dot > 0 ? name.slice(0, dot) : name}.${ext}`;
}

/** `inline` or `attachment`, with an ASCII fallback and the UTF-8 name (RFC 6266 / 5987). */
export function contentDisposition(type: "inline" | "attachment", name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]|["\\%]/g, "_");
  return `${type}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}
