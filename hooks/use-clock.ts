"use client";
// "Now" and the viewer's time zone for relative times. During hydration both hooks answer
// what the server used (its render time, UTC), then React re-renders with the browser's
// values, so relative times never cause a hydration mismatch.
import { useSyncExternalStore } from "react";
import { useChatContext } from "@/hooks/use-chat-store";

const TICK_MS = 30_000;
const listeners = new Set<() => void>();
let now = Date.now();
let timer: ReturnType<typeof setInterval> | undefined;

function subscribeNow(listener: () => void) {
  listeners.add(listener);
  if (!timer) {
    now = Date.now();
    timer = setInterval(() => {
      now = Date.now();
      for (const l of listeners) l();
    }, TICK_MS);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

export function useNow(): number {
  const { renderedAt } = useChatContext();
  return useSyncExternalStore(
    subscribeNow,
    () => now,
    () => renderedAt,
  );
}

const noSubscription = () => () => {};
const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

export function useTimeZone(): string {
  return useSyncExternalStore(noSubscription, browserZone, () => "UTC");
}
