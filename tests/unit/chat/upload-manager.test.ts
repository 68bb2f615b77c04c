// The composer's attached files, driven through the upload manager with a stand-in for the
// network step (the real three-step upload runs in tests/e2e/attachments.spec.ts): refusals,
// creation in the order picked, progress, a failed upload retried alone, removal cancelling.
import { describe, expect, it } from "vitest";
import { type AttachmentsView, createUploadManager } from "@/lib/chat/client/uploads/manager";
import type { UploadOutcome } from "@/lib/chat/client/uploads/upload";
import type { WireAttachment } from "@/lib/wire/rest";

const jpeg = (name: string, bytes = 100) => new File([new Uint8Array(bytes)], name, { type: "image/jpeg" });
const stored = (name: string): WireAttachment => ({
  id: crypto.randomUUID(),
  kind: "image",
  name,
  content_type: "image/webp",
  size: 10,
  width: 4,
  height: 3,
  url: "/a",
  thumb_url: "/t",
});

type Call = { name: string; signal: AbortSignal; progress: (f: number) => void; finish: (o: UploadOutcome) => void };

function harness() {
  const views: AttachmentsView[] = [];
  const created: string[] = [];
  const calls: Call[] = [];
  const discarded: string[] = [];
  const manager = createUploadManager(7, (view) => views.push(view), {
    upload: (_room, file, _type, { onProgress, onCreated, signal, inOrder }) =>
      inOrder(async () => {
        created.push(file.name);
        onCreated(`upload-${created.length}`);
      }).then(() => new Promise<UploadOutcome>((finish) => calls.push({ name: file.name, signal, progress: onProgress, finish }))),
    discard: (uploadId) => void discarded.push(uploadId),
  });
  const last = () => views.at(-1) ?? { staged: [], rejected: [] };
  const settle = () => new Promise((r) => setTimeout(r, 0));
  return { manager, views, created, calls, discarded, last, settle };
}

describe("upload manager", () => {
  it("refuses with reasons, creates uploads in the order picked, shows progress, and holds the stored attachments", async () => {
    const h = harness();
    h.manager.add([jpeg("一.jpg"), new File(["x"], "notes.txt", { type: "text/plain" }), jpeg("🙂.jpg"), jpeg("ב.jpg")]);
    expect(h.last().rejected).toEqual([{ name: "notes.txt", error: "Only photos (JPEG, PNG, WebP, GIF, HEIC) and PDF files can be sent." }]);
    expect(h.last().staged.map((s) => [s.name, s.status])).toEqual([
      ["一.jpg", "uploading"],
      ["🙂.jpg", "uploading"],
      ["ב.jpg", "uploading"],
    ]);
    await h.settle();
    expect(h.created).toEqual(["一.jpg", "🙂.jpg", "ב.jpg"]);

    h.calls[1]?.progress(0.5);
    expect(h.last().staged[1]?.progress).toBe(0.5);
    const attachments = h.calls.map((c) => stored(c.name));
    for (const [i, c] of h.calls.entries()) c.finish({ ok: true, attachment: attachments[i] as WireAttachment });
    await h.settle();
    expect(h.last().staged.map((s) => s.attachment)).toEqual(attachments);
    expect(h.last().staged.every((s) => s.status === "done" && s.progress === 1)).toBe(true);
  });

  it("a failed upload shows its error and is retried alone; removing one cancels it and takes it back; leaving takes back the rest", async () => {
    const h = harness();
    h.manager.add([jpeg("a.jpg"), jpeg("b.jpg")]);
    await h.settle();
    h.calls[0]?.finish({ ok: false, error: "The file is not an image we can read." });
    await h.settle();
    expect(h.last().staged[0]).toMatchObject({ status: "failed", error: "The file is not an image we can read." });

    const key = h.last().staged[0]?.key ?? "";
    h.manager.retry(key);
    await h.settle();
    expect(h.created).toEqual(["a.jpg", "b.jpg", "a.jpg"]);
    // The failed upload is taken back on the server; the retry is a new one.
    expect(h.discarded).toEqual(["upload-1"]);
    expect(h.last().staged[0]).toMatchObject({ status: "uploading", error: null });

    const b = h.calls[1];
    h.manager.remove(h.last().staged[1]?.key ?? "");
    expect(b?.signal.aborted).toBe(true);
    expect(h.discarded).toEqual(["upload-1", "upload-2"]);
    expect(h.last().staged.map((s) => s.name)).toEqual(["a.jpg"]);
    b?.finish({ ok: false, error: "Cancelled." });
    await h.settle();
    expect(h.last().staged.map((s) => s.name)).toEqual(["a.jpg"]);

    // Leaving the room takes back what was not sent.
    h.manager.discardAll();
    expect(h.calls[2]?.signal.aborted).toBe(true);
    expect(h.discarded).toEqual(["upload-1", "upload-2", "upload-3"]);
    expect(h.last()).toEqual({ staged: [], rejected: [] });
  });

  it("after a send, clear forgets the files without taking their uploads back (the message holds them now)", async () => {
    const h = harness();
    h.manager.add([jpeg("sent.jpg")]);
    await h.settle();
    h.calls[0]?.finish({ ok: true, attachment: stored("sent.jpg") });
    await h.settle();
    h.manager.clear();
    expect(h.last()).toEqual({ staged: [], rejected: [] });
    expect(h.discarded).toEqual([]);
  });

  it("counts files already attached against the limit of 10", async () => {
    const h = harness();
    h.manager.add(Array.from({ length: 8 }, (_, i) => jpeg(`${i}.jpg`)));
    h.manager.add([jpeg("8.jpg"), jpeg("9.jpg"), jpeg("10.jpg")]);
    expect(h.last().staged).toHaveLength(10);
    expect(h.last().rejected).toEqual([{ name: "10.jpg", error: "At most 10 files per message." }]);
  });
});
