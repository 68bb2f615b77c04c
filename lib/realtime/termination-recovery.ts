// After the app terminates this user's connections (removed from a room, deactivated), the
// server closes with 4009, which pusher-js treats as "do not reconnect" and stays disconnected.
// We reconnect ourselves: pusher-js then signs in again and re-authorizes every channel, and our
// auth endpoints refuse what this user may no longer see (realtime-bindings handles the refusal).
// Repeated terminations back off, so a loop cannot hammer the server.
import type Pusher from "pusher-js";

/** Pusher's "connection unauthorized" close and error code. */
export const TERMINATED_CODE = 4009;
const MAX_DELAY_MS = 30_000;
/** A connection that lasted this long resets the backoff. */
const STABLE_MS = 30_000;

type ConnectionError = { data?: { code?: unknown } } | null | undefined;

export function reconnectAfterTermination(pusher: Pusher): () => void {
  let terminated = false;
  let attempts = 0;
  let connectedAt = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const onError = (error: ConnectionError) => {
    if (error?.data?.code === TERMINATED_CODE) terminated = true;
  };
  const onStateChange = ({ current }: { current: string }) => {
    if (current === "connected") {
      connectedAt = Date.now();
      return;
    }
    if (current !== "disconnected" || !terminated) return;
    terminated = false;
    if (Date.now() - connectedAt >= STABLE_MS) attempts = 0;
    const delay = attempts === 0 ? 0 : Math.min(MAX_DELAY_MS, 1000 * 2 ** (attempts - 1));
    attempts++;
    clearTimeout(timer);
    timer = setTimeout(() => pusher.connect(), delay);
  };
  pusher.connection.bind("error", onError);
  pusher.connection.bind("state_change", onStateChange);
  return () => {
    clearTimeout(timer);
    pusher.connection.unbind("error", onError);
    pusher.connection.unbind("state_change", onStateChange);
  };
}
