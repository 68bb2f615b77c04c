"use client";
// The files attached to the message being written: a preview of each (a photo, or a file card),
// its upload progress, Remove, and Retry when its upload failed; above them, the files that were
// refused and why. Loaded on the first attach (components/chat/lazy-attachments.tsx).
import type { Attachments } from "@/hooks/use-attachments";
import type { StagedFile } from "@/lib/chat/client/uploads/manager";
import { FileIcon } from "@/components/ui/icons";
import { formatBytes } from "@/lib/chat/client/format-bytes";

const small = "rounded-md px-1.5 py-0.5 text-xs font-semibold";

function StagedItem({ item, onRemove, onRetry }: { item: StagedFile; onRemove: () => void; onRetry: () => void }) {
  return (
    <li className="flex w-36 shrink-0 flex-col gap-1 rounded-xl border border-slate-200 bg-slate-50 p-1.5 dark:border-slate-700 dark:bg-slate-900">
      <div className="flex h-20 items-center justify-center overflow-hidden rounded-lg bg-slate-200 dark:bg-slate-800">
        {item.previewUrl ? (
          // biome-ignore lint/performance/noImgElement: a local object URL, nothing for next/image to optimise
          <img src={item.previewUrl} alt={item.name} className="h-full w-full object-cover" />
        ) : (
          <FileIcon width={32} height={32} className="text-slate-500 dark:text-slate-400" />
        )}
      </div>
      <span className="truncate text-xs font-medium text-slate-800 dark:text-slate-200" title={item.name}>
        {item.name}
      </span>
      <span className="text-[11px] text-slate-600 dark:text-slate-400">{formatBytes(item.size)}</span>
      {item.status === "uploading" ? (
        <progress
          aria-label={`Uploading ${item.name}`}
          value={item.progress}
          max={1}
          className="h-1.5 w-full overflow-hidden rounded-full [&::-webkit-progress-bar]:bg-slate-200 [&::-webkit-progress-value]:bg-indigo-600 dark:[&::-webkit-progress-bar]:bg-slate-700"
        />
      ) : null}
      {item.status === "failed" ? (
        <span role="alert" className="text-[11px] text-red-700 dark:text-red-400">
          {item.error ?? "Upload failed."}
        </span>
      ) : null}
      <div className="flex justify-end gap-1">
        {item.status === "failed" ? (
          <button
            type="button"
            onClick={onRetry}
            aria-label={`Retry ${item.name}`}
            className={`${small} text-indigo-700 hover:bg-indigo-50 dark:text-indigo-300 dark:hover:bg-indigo-500/15`}
          >
            Retry
          </button>
        ) : null}
        <button
          type="button"
          onClick={onRemove}
          aria-label={`Remove ${item.name}`}
          className={`${small} text-slate-700 hover:bg-slate-200 dark:text-slate-300 dark:hover:bg-slate-800`}
        >
          Remove
        </button>
      </div>
    </li>
  );
}

export function AttachmentTray({ attachments }: { attachments: Attachments }) {
  const { staged, rejected } = attachments;
  return (
    <div className="flex flex-col gap-1 pb-2">
      {rejected.length ? (
        <div
          role="alert"
          className="flex items-start justify-between gap-2 rounded-lg bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-950 dark:text-red-200"
        >
          <ul>
            {rejected.map((r, i) => (
              <li key={`${i}-${r.name}`}>
                <span className="font-semibold">{r.name}</span>: {r.error}
              </li>
            ))}
          </ul>
          <button type="button" onClick={attachments.dismissRejected} className={`${small} hover:bg-red-100 dark:hover:bg-red-900`}>
            Dismiss
          </button>
        </div>
      ) : null}
      {staged.length ? (
        <ul aria-label="Attached files" className="flex gap-2 overflow-x-auto pb-1">
          {staged.map((item) => (
            <StagedItem key={item.key} item={item} onRemove={() => attachments.remove(item.key)} onRetry={() => attachments.retry(item.key)} />
          ))}
        </ul>
      ) : null}
    </div>
  );
}
