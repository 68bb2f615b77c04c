// Request bodies and inputs, for every door: a JSON body under a byte cap, checked with a zod
// schema; a refusal is an AppError (400 invalid_input, 413 payload_too_large).
import type { z } from "zod";
import { AppError } from "@/lib/errors";

export const MAX_BODY_BYTES = 64 * 1024;

/** Parses a JSON body with a size cap applied before parsing. */
export async function readJson<S extends z.ZodType>(request: Request, schema: S): Promise<z.infer<S>> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/json\b/i.test(type)) throw new AppError("invalid_input", "Content-Type must be application/json");
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > MAX_BODY_BYTES) throw new AppError("payload_too_large", "Request body too large");
  const text = await readLimited(request, MAX_BODY_BYTES);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new AppError("invalid_input", "Body is not valid JSON");
  }
  return parseWith(schema, value);
}

export function parseWith<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const result = schema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue?.path.length ? `${issue.path.join(".")}: ` : "";
    throw new AppError("invalid_input", `${where}${issue?.message ?? "invalid input"}`);
  }
  return result.data;
}

/** The body as text, refused (413) as soon as it grows past `limit` bytes. */
export async function readLimited(request: Request, limit: number): Promise<string> {
  return (await readBytesLimited(request, limit)).toString("utf8");
}

/** The body's bytes, refused (413) as soon as they grow past `limit`. */
export async function readBytesLimited(request: Request, limit: number): Promise<Buffer> {
  if (!request.body) return Buffer.alloc(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw new AppError("payload_too_large", "Request body too large");
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}
