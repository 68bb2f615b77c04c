// WebSocket first, REST when it is gone: the store's connection status follows pusher-js, and
// turns "degraded" (banner + polling) when pusher-js gives up (unavailable/failed) or has not
// been connected for 5 s.
import type Pusher from "pusher-js";
import type { ChatStore } from "@/lib/chat/client/store";

export const DEGRADED_AFTER_MS = 5_000;
/** The store's connection state once the app refused this user's realtime access. */
export const REVOKED = "revoked";
/** How often SWR polls the room list and open rooms while degraded (hooks/use-room-list-sync). */
export const POLL_INTERVAL_MS = 5_000;

export function watchConnection(store: ChatStore, pusher: Pusher): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stopTimer = () => {
    clearTimeout(timer);
    timer = undefined;
  };
  const apply = (state: string) => {
    // Refused by the app (signed out or deactivated): nothing to reconnect or poll for.
    if (store.getState().connection.state === REVOKED) return;
    if (state === "connected") {
      stopTimer();
      store.setConnection({ state, degraded: false });
    } else if (state === "unavailable" || state === "failed") {
      stopTimer();
      store.setConnection({ state, degraded: true });
    } else {
      const degraded = store.getState().connection.degraded;
      store.setConnection({ state, degraded });
      if (!degraded && !timer) {
        timer = setTimeout(() => {
          timer = undefined;
          const now = pusher.connection.state;
          if (now !== "connected") store.setConnection({ state: now, degraded: true });
        }, DEGRADED_AFTER_MS);
      }
    }
  };
  const onChange = ({ current }: { current: string }) => apply(current);
  pusher.connection.bind("state_change", onChange);
  apply(pusher.connection.state);
  return () => {
    pusher.connection.unbind("state_change", onChange);
    stopTimer();
  };
}
