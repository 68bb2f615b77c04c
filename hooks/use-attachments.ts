"use client";
// The composer's attached files: the upload manager (lib/chat/client/uploads/manager.ts, with the
// checks and the upload code) is imported on the first attach, not with the room page.
import { useEffect, useMemo, useRef, useState } from "react";
import type { AttachmentsView, UploadManager } from "@/lib/chat/client/uploads/manager";

export type Attachments = AttachmentsView & {
  add: (files: File[]) => void;
  remove: (key: string) => void;
  retry: (key: string) => void;
  dismissRejected: () => void;
  clear: () => void;
};

const EMPTY: AttachmentsView = { staged: [], rejected: [] };

export function useAttachments(roomId: number): Attachments {
  const [view, setView] = useState(EMPTY);
  const manager = useRef<Promise<UploadManager> | null>(null);

  const actions = useMemo(() => {
    const load = () => {
      manager.current ??= import("@/lib/chat/client/uploads/manager").then((m) => m.createUploadManager(roomId, setView));
      return manager.current;
    };
    const call = (act: (m: UploadManager) => void) => () => void load().then(act);
    return {
      add: (files: File[]) => (files.length ? call((m) => m.add(files))() : undefined),
      remove: (key: string) => call((m) => m.remove(key))(),
      retry: (key: string) => call((m) => m.retry(key))(),
      dismissRejected: () => call((m) => m.dismissRejected())(),
      clear: () => void manager.current?.then((m) => m.clear()),
    };
  }, [roomId]);

  // Leaving the room cancels what is still uploading, takes back what was not sent and frees the previews.
  useEffect(() => () => void manager.current?.then((m) => m.discardAll()), []);

  return { ...view, ...actions };
}
