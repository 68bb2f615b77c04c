// A message's photos (thumbnails, each opening the photo) and files (download links), for the
// admin room detail. The routes serve admins too (lib/attachments/serve.ts).
import type { WireAttachment } from "@/lib/wire/rest";

export function AttachmentThumbs({ attachments }: { attachments: WireAttachment[] }) {
  if (attachments.length === 0) return null;
  return (
    <ul aria-label="Attachments" className="mt-1 flex max-w-md flex-wrap gap-2">
      {attachments.map((a) => (
        <li key={a.id}>
          {a.kind === "image" && a.thumb_url ? (
            <a href={a.url} target="_blank" rel="noreferrer">
              {/* biome-ignore lint/performance/noImgElement: the thumbnail route already serves at most 400 px WebP to signed-in admins; the image optimizer cannot fetch it with their session */}
              <img
                src={a.thumb_url}
                alt={a.name}
                width={a.width && a.height ? Math.round((96 * a.width) / Math.max(a.width, a.height)) : 96}
                height={a.width && a.height ? Math.round((96 * a.height) / Math.max(a.width, a.height)) : 96}
                loading="lazy"
                className="rounded border border-slate-200 dark:border-slate-700"
              />
            </a>
          ) : (
            <a href={a.url} className="text-sm underline">
              {a.name}
            </a>
          )}
        </li>
      ))}
    </ul>
  );
}
