// Every SWR cache key the chat uses, in one place. SWR decides when to fetch (focus, reconnect,
// polling while realtime is down, deduping); the data lands in the one chat store
// (lib/chat/client/store.ts), except the people search, which nothing else shows.
export const ROOMS_KEY = "chat/rooms/head";

export const catchUpKey = (roomId: number) => ["chat/rooms/catch-up", roomId] as const;

export const peopleKey = (query: string) => ["chat/users/search", query] as const;
