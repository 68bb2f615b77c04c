// A page's searchParams through the same zod schema as the REST query; a malformed query
// shows the first page rather than an error.
import type { z } from "zod";

export type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function pageQuery<S extends z.ZodType>(searchParams: SearchParams, schema: S): Promise<z.infer<S>> {
  const flat: Record<string, string> = {};
  for (const [key, value] of Object.entries(await searchParams)) if (typeof value === "string") flat[key] = value;
  const parsed = schema.safeParse(flat);
  return parsed.success ? parsed.data : schema.parse({});
}
