// "Fetch the room list again", asked by the realtime bindings (the user channel (re)subscribed:
// events published meanwhile are not replayed) and answered by SWR's room list sync, which loads
// after the page is interactive (components/chat/swr-session.tsx). An ask that comes first is
// kept and answered when the sync registers.
let refresher: (() => void) | null = null;
let asked = false;

export function requestRoomListRefresh(): void {
  if (refresher) refresher();
  else asked = true;
}

export function registerRoomListRefresher(refresh: () => void): () => void {
  refresher = refresh;
  if (asked) {
    asked = false;
    refresh();
  }
  return () => {
    if (refresher === refresh) refresher = null;
  };
}
