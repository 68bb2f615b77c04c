// The browser's REST calls (seed contract routes). Answers are validated before use.
import * as v from "valibot";
import type { WireMessagePage, WireRoom } from "@/lib/wire/rest";
import {
  memberListSchema,
  roomPageSchema,
  type UserSummary,
  unreadTotalSchema,
  userSearchSchema,
  wireMessagePageSchema,
  wireRoomSchema,
} from "@/lib/wire/rest";

export class RestError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = "RestError";
  }
}

export async function getJson<S extends v.GenericSchema>(url: string, schema: S, signal?: AbortSignal): Promise<v.InferOutput<S>> {
  const response = await fetch(url, { headers: { accept: "application/json" }, credentials: "same-origin", signal });
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
    throw new RestError(response.status, body?.error?.message ?? `Request failed (${response.status})`);
  }
  return v.parse(schema, await response.json());
}

export function fetchMessages(
  roomId: number,
  cursor: { before: number } | { after: number } | { around: number } | Record<string, never>,
  signal?: AbortSignal,
  limit = 50,
): Promise<WireMessagePage> {
  const params = new URLSearchParams({ limit: String(limit) });
  if ("before" in cursor) params.set("before", String(cursor.before));
  if ("after" in cursor) params.set("after", String(cursor.after));
  if ("around" in cursor) params.set("around", String(cursor.around));
  return getJson(`/api/chat/rooms/${roomId}/messages?${params}`, wireMessagePageSchema, signal);
}

export async function fetchRooms(cursor?: string): Promise<{ rooms: WireRoom[]; nextCursor: string | null }> {
  const params = new URLSearchParams({ limit: "50" });
  if (cursor) params.set("cursor", cursor);
  const page = await getJson(`/api/chat/rooms?${params}`, roomPageSchema);
  return { rooms: page.rooms, nextCursor: page.next_cursor };
}

export async function fetchRoom(roomId: number): Promise<WireRoom> {
  return getJson(`/api/chat/rooms/${roomId}`, wireRoomSchema);
}

export async function fetchMembers(roomId: number): Promise<UserSummary[]> {
  return (await getJson(`/api/chat/rooms/${roomId}/members`, memberListSchema)).members;
}

export async function fetchUnreadTotal(): Promise<number> {
  return (await getJson("/api/chat/unread", unreadTotalSchema)).total;
}

export async function searchUsers(query: string, signal?: AbortSignal): Promise<UserSummary[]> {
  const params = new URLSearchParams({ q: query });
  return (await getJson(`/api/chat/users?${params}`, userSearchSchema, signal)).users;
}
