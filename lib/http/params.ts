import { idParam, rowIdParam, searchParamsObject } from "@/lib/chat/schemas";
import { AppError } from "@/lib/errors";
import { parseWith } from "@/lib/http/parse";
import { z } from "zod";

/**
 * A path id like `{roomId}`: digits only, within the `integer` key range of users, rooms and
 * jobs (`bigint: true` for message ids); anything else is a 400.
 */
export function pathId(value: string, name: string, options: { bigint?: boolean } = {}): number {
  const parsed = (options.bigint ? idParam : rowIdParam).safeParse(value);
  if (!parsed.success) throw new AppError("invalid_input", `${name}: must be a positive integer`);
  return parsed.data;
}

export function parseQuery<S extends z.ZodType>(url: string, schema: S): z.infer<S> {
  const query = searchParamsObject(new URL(url).searchParams);
  if (!query) throw new AppError("invalid_input", "repeated query parameter");
  return parseWith(schema, query);
}

const uuid = z.uuid();

/** A path uuid like `{uploadId}`, lowercased; anything else is a 400. */
export function pathUuid(value: string, name: string): string {
  const parsed = uuid.safeParse(value);
  if (!parsed.success) throw new AppError("invalid_input", `${name}: must be a UUID`);
  return parsed.data.toLowerCase();
}
