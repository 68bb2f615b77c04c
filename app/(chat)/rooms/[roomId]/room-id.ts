import { rowIdParam } from "@/lib/chat/schemas";

/** The room id from the URL, or null for anything that is not a valid id (a 404). */
export function parseRoomId(raw: string): number | null {
  const parsed = rowIdParam.safeParse(raw);
  return parsed.success ? parsed.data : null;
}
