import "server-only";
// The body pusher-js posts to our auth endpoints: a form (its ajax transport) or JSON (custom
// clients), read under the body cap before it is parsed.
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { MAX_BODY_BYTES, parseWith, readLimited } from "@/lib/http/parse";

export const socketIdSchema = z.string().regex(/^\d{1,20}\.\d{1,20}$/, "invalid socket_id");

export async function readAuthForm<S extends z.ZodType>(request: Request, schema: S): Promise<z.infer<S>> {
  const type = request.headers.get("content-type") ?? "";
  if (Number(request.headers.get("content-length") ?? 0) > MAX_BODY_BYTES) {
    throw new AppError("payload_too_large", "Request body too large");
  }
  let fields: Record<string, unknown>;
  if (/^application\/x-www-form-urlencoded\b/i.test(type)) {
    const params = new URLSearchParams(await readLimited(request, MAX_BODY_BYTES));
    fields = Object.fromEntries([...params.keys()].map((k) => [k, params.getAll(k).length > 1 ? params.getAll(k) : params.get(k)]));
  } else if (/^application\/json\b/i.test(type)) {
    // Read under the cap first: a body without Content-Length is refused at 64 KB, not parsed whole.
    const text = await readLimited(request, MAX_BODY_BYTES);
    try {
      fields = JSON.parse(text);
    } catch {
      throw new AppError("invalid_input", "Body is not valid JSON");
    }
  } else {
    throw new AppError("invalid_input", "Expected a form body with socket_id");
  }
  return parseWith(schema, fields);
}
