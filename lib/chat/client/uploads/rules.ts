// The browser's quick checks on files picked for a message, mirroring the server's limits so a
// refusal shows at once. They only go by size, count, extension and the browser's MIME claim:
// the server sniffs the stored bytes, and that decides.
import { FILE_TYPES, IMAGE_TYPES, MAX_ATTACHMENTS_PER_MESSAGE, MAX_UPLOAD_BYTES } from "@/lib/attachments/limits";
import { formatBytes } from "@/lib/chat/client/format-bytes";

const TYPES: Record<string, "image" | "file"> = Object.fromEntries([
  ...IMAGE_TYPES.map((t) => [t, "image"] as const),
  ...FILE_TYPES.map((t) => [t, "file"] as const),
]);
const EXTENSIONS: Record<string, string> = {
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  png: "image/png",
  webp: "image/webp",
  gif: "image/gif",
  heic: "image/heic",
  heif: "image/heif",
  pdf: "application/pdf",
};

export type FileCheck = { ok: true; kind: "image" | "file"; contentType: string } | { ok: false; error: string };

function extensionOf(name: string): string {
  const dot = name.lastIndexOf(".");
  return dot < 0 ? "" : name.slice(dot + 1).toLowerCase();
}

/** One file on its own: a type we take (the browser's claim, or its extension when the claim is empty or generic) and a size in bytes within the limit. */
export function checkFile(file: { name: string; size: number; type: string }): FileCheck {
  const claimed = file.type.toLowerCase();
  const contentType = TYPES[claimed] ? claimed : !claimed || claimed === "application/octet-stream" ? EXTENSIONS[extensionOf(file.name)] : undefined;
  if (!contentType) return { ok: false, error: "Only photos (JPEG, PNG, WebP, GIF, HEIC) and PDF files can be sent." };
  if (file.size === 0) return { ok: false, error: "The file is empty." };
  if (file.size > MAX_UPLOAD_BYTES)
    return { ok: false, error: `Too large (${formatBytes(file.size)}): at most ${MAX_UPLOAD_BYTES / (1024 * 1024)} MB per file.` };
  return { ok: true, kind: TYPES[contentType] ?? "file", contentType };
}

export type Rejected = { name: string; error: string };

/**
 * Splits newly picked files into those to upload and those refused (each with its reason), given
 * how many are already attached: files beyond the 10th are refused too.
 */
export function sortPicked<F extends { name: string; size: number; type: string }>(
  picked: F[],
  alreadyAttached: number,
): { accepted: { file: F; kind: "image" | "file"; contentType: string }[]; rejected: Rejected[] } {
  const accepted: { file: F; kind: "image" | "file"; contentType: string }[] = [];
  const rejected: Rejected[] = [];
  for (const file of picked) {
    const check = checkFile(file);
    if (!check.ok) rejected.push({ name: file.name, error: check.error });
    else if (alreadyAttached + accepted.length >= MAX_ATTACHMENTS_PER_MESSAGE)
      rejected.push({ name: file.name, error: `At most ${MAX_ATTACHMENTS_PER_MESSAGE} files per message.` });
    else accepted.push({ file, kind: check.kind, contentType: check.contentType });
  }
  return { accepted, rejected };
}
