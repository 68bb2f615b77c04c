"use client";
// The people I blocked, as this tab knows them: loaded once from GET /api/chat/me/blocks when
// something first asks, then kept by the block and unblock controls. A small store of its own
// (not the chat store): only the block controls and blocked people's messages read it, and it
// stays out of the room page's first load until one of them renders.
import { useEffect, useSyncExternalStore } from "react";
import { getJson } from "@/lib/chat/client/rest";
import { blockListSchema } from "@/lib/wire/rest";

let blocked: ReadonlySet<number> = new Set();
let requested = false;
const listeners = new Set<() => void>();

function publish(next: ReadonlySet<number>) {
  blocked = next;
  for (const listener of listeners) listener();
}

function ensureLoaded() {
  if (requested) return;
  requested = true;
  getJson("/api/chat/me/blocks", blockListSchema).then(
    (list) => publish(new Set([...blocked, ...list.users.map((u) => u.id)])),
    () => {
      requested = false; // try again on the next mount
    },
  );
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};
const snapshot = () => blocked;

/** After a block or unblock succeeded. */
export function setBlocked(userId: number, isBlocked: boolean) {
  const next = new Set(blocked);
  if (isBlocked) next.add(userId);
  else next.delete(userId);
  publish(next);
}

/** Whether I blocked this person (false until the list has loaded). */
export function useIsBlocked(userId: number): boolean {
  useEffect(ensureLoaded, []);
  return useSyncExternalStore(subscribe, snapshot, snapshot).has(userId);
}
