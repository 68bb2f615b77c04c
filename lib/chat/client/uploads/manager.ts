// The files attached to the message being written, framework-free: each is checked, then starts
// uploading at once with its progress, and becomes a stored attachment when the server has
// checked it. hooks/use-attachments.ts loads this on the first attach and renders what it reports.
import type { WireAttachment } from "@/lib/wire/rest";
import { type Rejected, sortPicked } from "@/lib/chat/client/uploads/rules";
import { discardUpload, type InOrder, uploadFile } from "@/lib/chat/client/uploads/upload";

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

export type AttachmentsView = { staged: StagedFile[]; rejected: Rejected[] };

type Held = { file: File; contentType: string; abort: AbortController; uploadId: string | null };
type Transport = { upload: typeof uploadFile; discard: typeof discardUpload };

export function createUploadManager(
  roomId: number,
  report: (view: AttachmentsView) => void,
  { upload, discard }: Transport = { upload: uploadFile, discard: discardUpload },
) {
  let view: AttachmentsView = { staged: [], rejected: [] };
  const held = new Map<string, Held>();
  let queue: Promise<unknown> = Promise.resolve();
  const inOrder: InOrder = (step) => {
    const next = queue.then(step);
    queue = next.catch(() => undefined);
    return next;
  };

  const publish = (next: Partial<AttachmentsView>) => {
    view = { ...view, ...next };
    report(view);
  };
  const patch = (key: string, change: Partial<StagedFile>) => {
    if (held.has(key)) publish({ staged: view.staged.map((s) => (s.key === key ? { ...s, ...change } : s)) });
  };
  /** `unsent`: the files will not be sent, so their uploads are taken back on the server too. */
  const forget = (list: StagedFile[], unsent: boolean) => {
    for (const s of list) {
      const file = held.get(s.key);
      file?.abort.abort();
      if (unsent && file?.uploadId) discard(file.uploadId);
      held.delete(s.key);
      if (s.previewUrl) URL.revokeObjectURL(s.previewUrl);
    }
  };

  async function start(key: string) {
    const file = held.get(key);
    if (!file) return;
    file.abort = new AbortController();
    // A retry makes a new upload: the failed one is taken back.
    if (file.uploadId) discard(file.uploadId);
    file.uploadId = null;
    patch(key, { status: "uploading", error: null, progress: 0 });
    const outcome = await upload(roomId, file.file, file.contentType, {
      onProgress: (progress) => patch(key, { progress }),
      onCreated: (uploadId) => {
        file.uploadId = uploadId;
      },
      signal: file.abort.signal,
      inOrder,
    });
    patch(key, outcome.ok ? { status: "done", progress: 1, attachment: outcome.attachment } : { status: "failed", error: outcome.error });
  }

  return {
    /** Checks the picked files (at most 10 with those already attached); uploads those accepted, in the order picked. */
    add(picked: File[]) {
      const { accepted, rejected } = sortPicked(picked, view.staged.length);
      const fresh = accepted.map(({ file, kind, contentType }): StagedFile => {
        const key = crypto.randomUUID();
        held.set(key, { file, contentType, abort: new AbortController(), uploadId: null });
        const previewUrl = kind === "image" ? URL.createObjectURL(file) : null;
        return { key, name: file.name, size: file.size, kind, previewUrl, progress: 0, status: "uploading", error: null, attachment: null };
      });
      publish({ staged: [...view.staged, ...fresh], rejected });
      for (const s of fresh) void start(s.key);
    },
    remove(key: string) {
      forget(
        view.staged.filter((s) => s.key === key),
        true,
      );
      publish({ staged: view.staged.filter((s) => s.key !== key) });
    },
    retry: (key: string) => void start(key),
    dismissRejected: () => publish({ rejected: [] }),
    /** After a send: the attachments now belong to the message. */
    clear() {
      forget(view.staged, false);
      publish({ staged: [], rejected: [] });
    },
    /** Leaving the room: what is uploading stops, and nothing attached here stays on the server. */
    discardAll() {
      forget(view.staged, true);
      publish({ staged: [], rejected: [] });
    },
  };
}

export type UploadManager = ReturnType<typeof createUploadManager>;
