// One file's trip to storage, in the three steps of the attachments contract: ask for an upload
// (POST /api/chat/rooms/{id}/uploads), PUT the bytes where the answer says (XMLHttpRequest, for
// progress events; an S3 presigned URL or the app's own content route), then
// POST /api/chat/uploads/{id}/complete, where the server checks the bytes and answers with the
// attachment. Loaded on the first attach only (components/chat/attachment-tray.tsx).
import * as v from "valibot";
import { type WireAttachment, wireAttachmentSchema, wireUploadSchema } from "@/lib/wire/rest";

const completedSchema = v.object({ attachment: wireAttachmentSchema });

export type UploadOutcome = { ok: true; attachment: WireAttachment } | { ok: false; error: string };

class UploadFailed extends Error {}

async function postJson<S extends v.GenericSchema>(url: string, body: unknown, schema: S, signal: AbortSignal): Promise<v.InferOutput<S>> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json" },
    credentials: "same-origin",
    body: JSON.stringify(body),
    signal,
  });
  const answer = (await response.json().catch(() => null)) as { error?: { message?: unknown } } | null;
  if (!response.ok) {
    const message = answer?.error?.message;
    throw new UploadFailed(typeof message === "string" && message ? message : `Upload refused (${response.status}).`);
  }
  const parsed = v.safeParse(schema, answer);
  if (!parsed.success) throw new UploadFailed("Unexpected answer from the server.");
  return parsed.output;
}

function put(url: string, headers: Record<string, string>, file: Blob, onProgress: (fraction: number) => void, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("PUT", url);
    for (const [name, value] of Object.entries(headers)) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => (xhr.status >= 200 && xhr.status < 300 ? resolve() : reject(new UploadFailed(`Upload failed (${xhr.status}).`)));
    xhr.onerror = () => reject(new UploadFailed("Network error while uploading."));
    xhr.onabort = () => reject(new DOMException("Upload cancelled", "AbortError"));
    signal.addEventListener("abort", () => xhr.abort(), { once: true });
    xhr.send(file);
  });
}

/** Runs the steps it is given one after another, in the order they were given. */
export type InOrder = <T>(step: () => Promise<T>) => Promise<T>;

export type UploadHooks = {
  onProgress: (fraction: number) => void;
  /** The upload exists on the server (and counts among the room's unsent ones) from here on. */
  onCreated: (uploadId: string) => void;
  signal: AbortSignal;
  inOrder: InOrder;
};

/**
 * Never throws: a refusal or a network failure comes back as its message for the file's row.
 * A message lists its attachments in the order their uploads were created, so `inOrder` runs
 * that first step in the order the files were picked; the bytes then travel in parallel.
 */
export async function uploadFile(
  roomId: number,
  file: File,
  contentType: string,
  { onProgress, onCreated, signal, inOrder }: UploadHooks,
): Promise<UploadOutcome> {
  try {
    const { upload } = await inOrder(() =>
      postJson(`/api/chat/rooms/${roomId}/uploads`, { name: file.name, size: file.size, content_type: contentType }, wireUploadSchema, signal),
    );
    onCreated(upload.id);
    await put(upload.upload_url, upload.headers, file, onProgress, signal);
    onProgress(1);
    const { attachment } = await postJson(`/api/chat/uploads/${encodeURIComponent(upload.id)}/complete`, {}, completedSchema, signal);
    return { ok: true, attachment };
  } catch (error) {
    if (error instanceof UploadFailed) return { ok: false, error: error.message };
    if (error instanceof DOMException && error.name === "AbortError") return { ok: false, error: "Cancelled." };
    return { ok: false, error: "Network error while uploading." };
  }
}

/** Takes back an upload that will not be sent (removed from the strip, or the room left), so it
 * stops counting among the room's unsent uploads. Best effort: what is missed expires in a day. */
export function discardUpload(uploadId: string): void {
  void fetch(`/api/chat/uploads/${encodeURIComponent(uploadId)}`, { method: "DELETE", credentials: "same-origin", keepalive: true }).catch(
    () => undefined,
  );
}
