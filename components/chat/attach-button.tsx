"use client";
// The composer's "Attach files" button over a real file input (images and PDF, several at once),
// and on touch screens "Take photo", whose input asks the phone for its camera.
import { useRef } from "react";
import { PaperclipIcon } from "@/components/ui/icons";
import { FILE_TYPES, IMAGE_TYPES } from "@/lib/attachments/limits";

/** What the picker offers (HEIC also by extension: some systems give it no type). The checks
 * themselves (lib/chat/client/uploads/rules.ts) load with the upload code on the first attach. */
const ACCEPT = [...IMAGE_TYPES, ...FILE_TYPES, ".heic", ".heif"].join(",");

const button =
  "size-9 shrink-0 items-center justify-center rounded-xl text-slate-600 hover:bg-slate-100 hover:text-slate-900 disabled:opacity-40 dark:text-slate-400 dark:hover:bg-slate-800 dark:hover:text-slate-100";

export function AttachButton({ onFiles, disabled }: { onFiles: (files: File[]) => void; disabled: boolean }) {
  const picker = useRef<HTMLInputElement>(null);
  const camera = useRef<HTMLInputElement>(null);
  const take = (input: HTMLInputElement) => {
    onFiles([...(input.files ?? [])]);
    // Picking the same file again must fire change again.
    input.value = "";
  };
  return (
    <>
      <button
        type="button"
        aria-label="Attach files"
        title="Attach photos or PDF files"
        disabled={disabled}
        onClick={() => picker.current?.click()}
        className={`inline-flex ${button}`}
      >
        <PaperclipIcon />
      </button>
      <input
        ref={picker}
        type="file"
        multiple
        accept={ACCEPT}
        tabIndex={-1}
        aria-hidden="true"
        className="hidden"
        onChange={(e) => take(e.currentTarget)}
      />
      <button
        type="button"
        aria-label="Take photo"
        disabled={disabled}
        onClick={() => camera.current?.click()}
        className={`${button} hidden pointer-coarse:inline-flex`}
      >
        <svg viewBox="0 0 24 24" width={20} height={20} fill="none" stroke="currentColor" strokeWidth={1.8} aria-hidden="true" focusable="false">
          <path d="M4 8h3l1.5-2h7L17 8h3v11H4Z" strokeLinejoin="round" />
          <circle cx="12" cy="13" r="3.5" />
        </svg>
      </button>
      <input
        ref={camera}
        type="file"
        accept="image/*"
        capture="environment"
        tabIndex={-1}
        aria-hidden="true"
        className="hidden"
        onChange={(e) => take(e.currentTarget)}
      />
    </>
  );
}
