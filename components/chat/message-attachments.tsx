"use client";
// A message's photos and files, as plain markup so they render with the message on the server:
// each thumbnail reserves its real aspect ratio (width and height attributes) and loads lazily;
// pressing one opens the photo viewer, which loads on that first opening. PDFs are file cards
// with a download link.
import { useState } from "react";
import { AttachmentLightbox } from "@/components/chat/lazy-attachments";
import { FileIcon } from "@/components/ui/icons";
import { formatBytes } from "@/lib/chat/client/format-bytes";
import type { WireAttachment } from "@/lib/wire/rest";

/** Thumbnail heights in CSS pixels: one photo shows larger than several side by side. */
const SINGLE_HEIGHT = 240;
const GRID_HEIGHT = 140;
const MAX_WIDTH = 320;

function boxFor(attachment: WireAttachment, height: number): { width: number; height: number } {
  const { width: w, height: h } = attachment;
  if (!w || !h) return { width: height, height };
  const width = Math.round((height * w) / h);
  return width > MAX_WIDTH ? { width: MAX_WIDTH, height: Math.round((MAX_WIDTH * h) / w) } : { width, height };
}

export function MessageAttachments({ attachments, tone }: { attachments: WireAttachment[]; tone: "own" | "other" }) {
  const [open, setOpen] = useState<number | null>(null);
  const images = attachments.filter((a) => a.kind === "image");
  const files = attachments.filter((a) => a.kind !== "image");
  const height = images.length === 1 ? SINGLE_HEIGHT : GRID_HEIGHT;
  const card =
    tone === "own"
      ? "bg-indigo-800/50 text-white hover:bg-indigo-800/70"
      : "bg-white text-slate-900 hover:bg-slate-50 dark:bg-slate-900 dark:text-slate-100 dark:hover:bg-slate-950";
  const detail = tone === "own" ? "text-indigo-100" : "text-slate-600 dark:text-slate-400";

  return (
    <div className="mb-1 flex flex-col gap-1">
      {images.length ? (
        <ul aria-label="Photos" className="flex flex-wrap gap-1">
          {images.map((image, i) => {
            const box = boxFor(image, height);
            return (
              <li key={image.id} className="max-w-full">
                <button
                  type="button"
                  onClick={() => setOpen(i)}
                  aria-label={`Open photo ${image.name}`}
                  className="block max-w-full overflow-hidden rounded-lg bg-black/10 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-500"
                >
                  {/* biome-ignore lint/performance/noImgElement: served resized by our attachment route; the attributes reserve the box */}
                  <img
                    src={image.thumb_url ?? image.url}
                    alt={image.name}
                    width={box.width}
                    height={box.height}
                    loading="lazy"
                    decoding="async"
                    className="block h-auto max-w-full object-cover"
                  />
                </button>
              </li>
            );
          })}
        </ul>
      ) : null}
      {files.map((file) => (
        <a key={file.id} href={file.url} download={file.name} className={`flex max-w-full items-center gap-2 rounded-lg px-2.5 py-2 ${card}`}>
          <FileIcon width={28} height={28} className="shrink-0" />
          <span className="flex min-w-0 flex-col">
            <span className="truncate text-sm font-medium">{file.name}</span>
            <span className={`text-xs ${detail}`}>{formatBytes(file.size)} · Download</span>
          </span>
        </a>
      ))}
      {open !== null ? <AttachmentLightbox images={images} start={open} onClose={() => setOpen(null)} /> : null}
    </div>
  );
}
