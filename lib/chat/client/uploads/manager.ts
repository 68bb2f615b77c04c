// The files attached to the message being written, framework-free: each is checked, then starts
// uploading at once with its progress, and becomes a stored attachment when the server has
// checked it. hooks/use-attachments.ts loads this on the first attach and renders what it reports.
import type { WireAttachment } from "@/lib/wire/rest";
import { type Rejected, sortPicked } from "@/lib/chat/client/uploads/rules";
import { type InOrder, uploadFile } from "@/lib/chat/client/uploads/upload";

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

type Upload = typeof uploadFile;

type Held = { file: File; contentType: string; abort: AbortController };

export function createUploadManager(roomId: number, report: (view: AttachmentsView) => void, upload: Upload = uploadFile) {
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
  const forget = (list: StagedFile[]) => {
    for (const s of list) {
      held.get(s.key)?.abort.abort();
      held.delete(s.key);
      if (s.previewUrl) URL.revokeObjectURL(s.previewUrl);
    }
  };

  async function start(key: string) {
    const file = held.get(key);
    if (!file) return;
    file.abort = new AbortController();
    patch(key, { status: "uploading", error: null, progress: 0 });
    const outcome = await upload(roomId, file.file, file.contentType, (progress) => patch(key, { progress }), file.abort.signal, inOrder);
    patch(key, outcome.ok ? { status: "done", progress: 1, attachment: outcome.attachment } : { status: "failed", error: outcome.error });
  }

  return {
    /** Checks the picked files (at most 10 with those already attached); uploads those accepted, in the order picked. */
    add(picked: File[]) {
      const { accepted, rejected } = sortPicked(picked, view.staged.length);
      const fresh = accepted.map(({ file, kind, contentType }): StagedFile => {
        const key = crypto.randomUUID();
        held.set(key, { file, contentType, abort: new AbortController() });
        const previewUrl = kind === "image" ? URL.createObjectURL(file) : null;
        return { key, name: file.name, size: file.size, kind, previewUrl, progress: 0, status: "uploading", error: null, attachment: null };
      });
      publish({ staged: [...view.staged, ...fresh], rejected });
      for (const s of fresh) void start(s.key);
    },
    remove(key: string) {
      forget(view.staged.filter((s) => s.key === key));
      publish({ staged: view.staged.filter((s) => s.key !== key) });
    },
    retry: (key: string) => void start(key),
    dismissRejected: () => publish({ rejected: [] }),
    /** After a send (their attachments now belong to the message), or on leaving the room: cancels what is still uploading. */
    clear() {
      forget(view.staged);
      publish({ staged: [], rejected: [] });
    },
  };
}

export type UploadManager = ReturnType<typeof createUploadManager>;
