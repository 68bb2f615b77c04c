// The browser's message search call: its own module so only the lazy results panel loads it.
import { getJson } from "@/lib/chat/client/rest";
import { searchPageSchema, type WireSearchPage } from "@/lib/wire/rest";

export function fetchSearchPage(q: string, cursor: string | null, signal?: AbortSignal): Promise<WireSearchPage> {
  const params = new URLSearchParams({ q });
  if (cursor) params.set("cursor", cursor);
  return getJson(`/api/chat/search?${params}`, searchPageSchema, signal);
}
