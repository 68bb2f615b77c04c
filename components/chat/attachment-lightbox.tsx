"use client";
// A message's photos at display size, one at a time, in a modal <dialog>: the browser keeps focus
// inside it and closes it on Escape; arrow keys and a horizontal swipe move between the photos.
// Loaded on the first opening (components/chat/lazy-attachments.tsx).
import { type PointerEvent, useEffect, useRef, useState } from "react";
import { CloseIcon } from "@/components/ui/icons";
import type { WireAttachment } from "@/lib/wire/rest";

const SWIPE_PX = 50;

// Here rather than in components/ui/icons.tsx, which the room page loads whole.
const Chevron = ({ d }: { d: string }) => (
  <svg
    viewBox="0 0 24 24"
    width={20}
    height={20}
    fill="none"
    stroke="currentColor"
    strokeWidth={1.8}
    strokeLinecap="round"
    aria-hidden="true"
    focusable="false"
  >
    <path d={d} />
  </svg>
);

type LightboxProps = { images: WireAttachment[]; start: number; onClose: () => void };

const control =
  "inline-flex size-10 items-center justify-center rounded-full bg-black/60 text-white hover:bg-black/80 focus-visible:outline-2 focus-visible:outline-white";

export function AttachmentLightbox({ images, start, onClose }: LightboxProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const [at, setAt] = useState(start);
  const swipeFrom = useRef<number | null>(null);
  const image = images[at];

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  // Wraps around, so neither button is ever disabled under the focus that pressed it.
  const go = (step: number) => setAt((i) => (i + step + images.length) % images.length);

  const onPointerUp = (event: PointerEvent) => {
    const from = swipeFrom.current;
    swipeFrom.current = null;
    if (from === null) return;
    const dx = event.clientX - from;
    if (Math.abs(dx) >= SWIPE_PX) go(dx < 0 ? 1 : -1);
  };

  if (!image) return null;
  return (
    <dialog
      ref={ref}
      aria-label={`Photo ${at + 1} of ${images.length}: ${image.name}`}
      onClose={onClose}
      onKeyDown={(event) => {
        if (event.key === "Escape") event.stopPropagation();
        if (event.key === "ArrowRight") go(1);
        else if (event.key === "ArrowLeft") go(-1);
        else return;
        event.preventDefault();
      }}
      className="m-0 h-dvh max-h-none w-screen max-w-none bg-black/90 p-0 text-white backdrop:bg-black/80"
    >
      <div
        className="relative flex h-full w-full touch-pan-y items-center justify-center p-4 select-none"
        onPointerDown={(event) => {
          swipeFrom.current = event.clientX;
        }}
        onPointerUp={onPointerUp}
        onPointerCancel={() => {
          swipeFrom.current = null;
        }}
      >
        {/* biome-ignore lint/performance/noImgElement: served by our own attachment route, already resized */}
        <img
          key={image.id}
          src={image.url}
          alt={image.name}
          width={image.width ?? undefined}
          height={image.height ?? undefined}
          draggable={false}
          className="max-h-full max-w-full object-contain"
        />
        <p className="absolute bottom-4 left-1/2 max-w-[80vw] -translate-x-1/2 truncate rounded-full bg-black/60 px-3 py-1 text-sm">
          {image.name} · {at + 1} / {images.length}
        </p>
        <button type="button" onClick={onClose} aria-label="Close" className={`absolute top-4 right-4 ${control}`} autoFocus>
          <CloseIcon />
        </button>
        {images.length > 1 ? (
          <>
            <button
              type="button"
              onClick={() => go(-1)}
              aria-label="Previous photo"
              className={`absolute top-1/2 left-4 -translate-y-1/2 ${control}`}
            >
              <Chevron d="m15 18-6-6 6-6" />
            </button>
            <button type="button" onClick={() => go(1)} aria-label="Next photo" className={`absolute top-1/2 right-4 -translate-y-1/2 ${control}`}>
              <Chevron d="m9 18 6-6-6-6" />
            </button>
          </>
        ) : null}
      </div>
    </dialog>
  );
}
