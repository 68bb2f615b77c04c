"use client";
// Attachment UI that the room's first paint does not need, loaded on first use: the composer's
// preview strip (on the first attach) and the photo viewer (on the first opening).
import dynamic from "next/dynamic";

export const AttachmentTray = dynamic(() => import("@/components/chat/attachment-tray").then((m) => m.AttachmentTray), { ssr: false });
export const AttachmentLightbox = dynamic(() => import("@/components/chat/attachment-lightbox").then((m) => m.AttachmentLightbox), {
  ssr: false,
});
