import { idParam, searchParamsObject } from "@/lib/chat/schemas";
import { AppError } from "@/lib/errors";
import { parseWith } from "@/lib/http/route";
import type { z } from "zod";

/** A path id like `{roomId}`: digits only; anything else is a 400. */
export function pathId(value: string, name: string): number {
  const parsed = idParam.safeParse(value);
  if (!parsed.success) throw new AppError("invalid_input", `${name}: must be a positive integer`);
  return parsed.data;
}

export function parseQuery<S extends z.ZodType>(url: string, schema: S): z.infer<S> {
  const query = searchParamsObject(new URL(url).searchParams);
  if (!query) throw new AppError("invalid_input", "repeated query parameter");
  return parseWith(schema, query);
}
