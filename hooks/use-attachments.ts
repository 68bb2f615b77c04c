"use client";
// The files attached in the composer before sending: each starts uploading as soon as it is
// picked (dropped or pasted), with its progress, and becomes a stored attachment when the server
// has checked it. The upload code is imported on the first attach, not with the room page.
import { useCallback, useEffect, useRef, useState } from "react";
import type { Rejected } from "@/lib/chat/client/uploads/rules";
import type { WireAttachment } from "@/lib/wire/rest";

export type StagedFile = {
  key: string;
  name: string;
  size: number;
  kind: "image" | "file";
  /** A local object URL to show a photo before (and while) it uploads. */
  previewUrl: string | null;
  /** 0..1 of the bytes sent. */
  progress: number;
  status: "uploading" | "done" | "failed";
  error: string | null;
  attachment: WireAttachment | null;
};

export type Attachments = {
  staged: StagedFile[];
  rejected: Rejected[];
  add: (files: File[]) => void;
  remove: (key: string) => void;
  retry: (key: string) => void;
  dismissRejected: () => void;
  /** After a send: forget the staged files (their attachments now belong to the message). */
  clear: () => void;
};

export function useAttachments(roomId: number): Attachments {
  const [staged, setStaged] = useState<StagedFile[]>([]);
  const [rejected, setRejected] = useState<Rejected[]>([]);
  const files = useRef(new Map<string, { file: File; contentType: string; abort: AbortController }>());
  const count = useRef(0);
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  count.current = staged.length;

  const patch = useCallback((key: string, change: Partial<StagedFile>) => {
    setStaged((list) => list.map((s) => (s.key === key ? { ...s, ...change } : s)));
  }, []);

  const start = useCallback(
    async (key: string) => {
      const held = files.current.get(key);
      if (!held) return;
      held.abort = new AbortController();
      patch(key, { status: "uploading", error: null, progress: 0 });
      const { uploadFile } = await import("@/lib/chat/client/uploads/upload");
      const inOrder = <T>(step: () => Promise<T>): Promise<T> => {
        const next = queue.current.then(step);
        queue.current = next.catch(() => undefined);
        return next;
      };
      const outcome = await uploadFile(roomId, held.file, held.contentType, (progress) => patch(key, { progress }), held.abort.signal, inOrder);
      if (!files.current.has(key)) return;
      patch(key, outcome.ok ? { status: "done", progress: 1, attachment: outcome.attachment } : { status: "failed", error: outcome.error });
    },
    [roomId, patch],
  );

  const add = useCallback(
    (picked: File[]) => {
      if (!picked.length) return;
      void import("@/lib/chat/client/uploads/rules").then(({ sortPicked }) => {
        const { accepted, rejected: refused } = sortPicked(picked, count.current);
        setRejected(refused);
        const fresh = accepted.map(({ file, kind, contentType }): StagedFile => {
          const key = crypto.randomUUID();
          files.current.set(key, { file, contentType, abort: new AbortController() });
          return {
            key,
            name: file.name,
            size: file.size,
            kind,
            previewUrl: kind === "image" ? URL.createObjectURL(file) : null,
            progress: 0,
            status: "uploading",
            error: null,
            attachment: null,
          };
        });
        count.current += fresh.length;
        setStaged((list) => [...list, ...fresh]);
        for (const s of fresh) void start(s.key);
      });
    },
    [start],
  );

  const forget = useCallback((list: StagedFile[]) => {
    for (const s of list) {
      files.current.get(s.key)?.abort.abort();
      files.current.delete(s.key);
      if (s.previewUrl) URL.revokeObjectURL(s.previewUrl);
    }
  }, []);

  const latest = useRef(staged);
  latest.current = staged;

  const remove = useCallback(
    (key: string) => {
      forget(latest.current.filter((s) => s.key === key));
      count.current = Math.max(0, count.current - 1);
      setStaged((list) => list.filter((s) => s.key !== key));
    },
    [forget],
  );

  const clear = useCallback(() => {
    forget(latest.current);
    count.current = 0;
    setStaged([]);
    setRejected([]);
  }, [forget]);

  // Leaving the room cancels what is still uploading and frees the previews.
  useEffect(() => () => forget(latest.current), [forget]);

  return {
    staged,
    rejected,
    add,
    remove,
    retry: (key) => void start(key),
    dismissRejected: () => setRejected([]),
    clear,
  };
}
