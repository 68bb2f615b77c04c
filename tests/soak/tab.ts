// One browser tab of the soak, in a process of its own (run with `node --import tsx`): the real
// client store, sync, realtime bindings, connection watch and send attempt, and the real
// pusher-js, wired as components/chat and hooks/ wire them. Its own process gives it what a tab
// has: its own globals (one pusher-js, sync.ts's per-tab bookkeeping) and fetch bound to the
// app's origin with this user's session cookie.
import Pusher from "pusher-js";
import { POLL_INTERVAL_MS, watchConnection } from "@/lib/chat/client/connection-watch";
import { newPending } from "@/lib/chat/client/pending";
import { bindRoomChannel, bindUserChannel, catchUpIfSubscribed } from "@/lib/chat/client/realtime-bindings";
import { catchUp, refreshRooms } from "@/lib/chat/client/sync";
import { fetchMessages, fetchRooms, fetchUnreadTotal } from "@/lib/chat/client/rest";
import { attemptSend, type SendTransport } from "@/lib/chat/client/send-attempt";
import { type ChatStore, createChatStore } from "@/lib/chat/client/store";
import { newestId } from "@/lib/chat/client/timeline";
import * as v from "valibot";
import { wireMessageSchema, wireRoomSchema } from "@/lib/wire/rest";
import { CHANNEL_AUTH_ENDPOINT } from "@/lib/realtime/browser-client";
import { roomChannel, userChannel } from "@/lib/realtime/channels";
import { EVENTS } from "@/lib/wire/events";
import type { RealtimeClientConfig } from "@/lib/realtime/client-config";
import type { SendCall, TabConfig, TabReply, TabRequest, TabSnapshot } from "./tab-protocol";

const config = JSON.parse(process.env.SOAK_TAB ?? "null") as TabConfig;
if (!config || !process.send) throw new Error("tests/soak/tab.ts runs as a child of the soak (SOAK_TAB and an IPC channel)");

// What the browser gives a page: relative URLs resolve against its origin, same-origin requests
// carry its cookie, Origin (on mutations) and Sec-Fetch-Site, and at most 6 are in flight to one
// host (HTTP/1.1); the rest wait their turn in the tab, not as open sockets at the server.
const nativeFetch = globalThis.fetch;
const MAX_CONNECTIONS = 6;
let busyConnections = 0;
const queue: Array<() => void> = [];
globalThis.fetch = async (input, init = {}) => {
  const target = typeof input === "string" || input instanceof URL ? input : input.url;
  const headers = new Headers(init.headers);
  const method = (init.method ?? "GET").toUpperCase();
  headers.set("cookie", config.cookie);
  headers.set("sec-fetch-site", "same-origin");
  if (method !== "GET" && method !== "HEAD") headers.set("origin", config.origin);
  if (busyConnections >= MAX_CONNECTIONS) await new Promise<void>((resolve) => queue.push(resolve));
  busyConnections++;
  try {
    const response = await nativeFetch(new URL(target, config.origin), { ...init, headers });
    // The connection is busy until the body has been read.
    const body = [204, 205, 304].includes(response.status) ? null : await response.arrayBuffer();
    return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
  } finally {
    busyConnections--;
    queue.shift()?.();
  }
};

const MARK_READ_DEBOUNCE_MS = 400; // as hooks/use-mark-read
const VIEW_EACH_ROOM_MS = 4_000;

const stats = {
  attempted: [] as TabSnapshot["attempted"],
  calls: [] as SendCall[],
  failedMarks: [] as TabSnapshot["failedMarks"],
  live: new Set<number>(),
  connectedAt: [] as number[],
  degradedSeen: false,
  markReads: {} as Record<string, number>,
  channelAuth: {} as Record<string, number>,
};
const bump = (counts: Record<string, number>, key: string | number) => {
  counts[key] = (counts[key] ?? 0) + 1;
};
let inFlight = 0;

/** The REST door for sends; the browser's transport is the server action onto the same core. */
function restTransport(retry: boolean): SendTransport {
  return async (input) => {
    const call: SendCall = {
      clientId: input.client_id,
      roomId: input.room_id,
      retry,
      startedAt: Date.now(),
      endedAt: 0,
      status: 0,
      jsonError: null,
      code: null,
    };
    stats.calls.push(call);
    try {
      const response = await fetch(`/api/chat/rooms/${input.room_id}/messages`, {
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/json" },
        body: JSON.stringify({ content: input.content, client_id: input.client_id }),
      });
      call.status = response.status;
      const body: unknown = await response.json().catch(() => undefined);
      if (response.ok) return { ok: true, data: v.parse(wireMessageSchema, body) };
      const error = (body as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
      call.jsonError =
        !!error &&
        typeof error.code === "string" &&
        typeof error.message === "string" &&
        Object.keys(body as object).length === 1 &&
        Object.keys(error).length === 2;
      call.code = typeof error?.code === "string" ? error.code : null;
      return { ok: false, error: { code: call.jsonError ? (error?.code as "internal") : "internal", message: String(error?.message ?? "") } };
    } finally {
      call.endedAt = Date.now();
    }
  };
}

async function attempt(store: ChatStore, roomId: number, clientId: string, retry: boolean): Promise<void> {
  inFlight++;
  try {
    await attemptSend(store, roomId, clientId, restTransport(retry));
    const pending = store.findPending(roomId, clientId);
    if (pending?.status === "failed") stats.failedMarks.push({ clientId, error: pending.error, at: Date.now() });
  } finally {
    inFlight--;
  }
}

async function markRead(store: ChatStore, roomId: number, upToId: number): Promise<boolean> {
  inFlight++;
  try {
    const response = await fetch(`/api/chat/rooms/${roomId}/read`, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json" },
      body: JSON.stringify({ up_to_id: upToId }),
    });
    bump(stats.markReads, response.status);
    if (!response.ok) return false;
    store.upsertRooms([v.parse(wireRoomSchema, await response.json())]);
    return true;
  } catch {
    bump(stats.markReads, "network");
    return false;
  } finally {
    inFlight--;
  }
}

function pollWhileDegraded(store: ChatStore): () => void {
  const ignore = () => {};
  const tick = () => {
    for (const roomId of Object.keys(store.getState().timelines)) void catchUp(store, Number(roomId)).catch(ignore);
    void refreshRooms(store).catch(ignore);
  };
  tick();
  const interval = setInterval(tick, POLL_INTERVAL_MS);
  return () => clearInterval(interval);
}

function connect(settings: RealtimeClientConfig): Pusher {
  // lib/realtime/browser-client's options. pusher-js's "ajax" authorizer is an XMLHttpRequest
  // shim in Node that cannot send a cookie, so the same form goes through the tab's fetch.
  const custom = settings.wsHost
    ? { wsHost: settings.wsHost, wsPort: settings.wsPort ?? 80, wssPort: settings.wsPort ?? 443, enabledTransports: ["ws" as const, "wss" as const] }
    : {};
  return new Pusher(settings.key, {
    cluster: settings.cluster,
    forceTLS: settings.forceTLS,
    disableStats: true,
    ...custom,
    channelAuthorization: {
      endpoint: CHANNEL_AUTH_ENDPOINT,
      transport: "ajax",
      customHandler: ({ socketId, channelName }, callback) => {
        fetch(CHANNEL_AUTH_ENDPOINT, {
          method: "POST",
          headers: { "content-type": "application/x-www-form-urlencoded" },
          body: new URLSearchParams({ socket_id: socketId, channel_name: channelName }).toString(),
        }).then(
          async (response) => {
            bump(stats.channelAuth, response.status);
            if (response.ok) callback(null, await response.json());
            else callback(new Error(`channel auth answered ${response.status}`), null);
          },
          (error: unknown) => {
            bump(stats.channelAuth, "network");
            callback(error instanceof Error ? error : new Error(String(error)), null);
          },
        );
      },
    },
  });
}

async function open() {
  // The same settings the (chat) layout passes to the browser.
  const realtime = (await (await fetch("/api/realtime/config")).json()) as RealtimeClientConfig;
  // What the (chat) layout renders on the server: the first room page and the unread total.
  const [{ rooms, nextCursor }, unreadTotal] = await Promise.all([fetchRooms(), fetchUnreadTotal()]);
  const store = createChatStore({ me: config.me, rooms, roomsCursor: nextCursor, unreadTotal });
  const pusher = connect(realtime);
  pusher.connection.bind("connected", () => stats.connectedAt.push(Date.now()));
  pusher.bind_global((event: string, data: unknown) => {
    const id = event === EVENTS.messageCreated ? (data as { id?: unknown } | null)?.id : undefined;
    if (typeof id === "number") stats.live.add(id);
  });

  // hooks/use-realtime-connection: connection watch, user channel, and what the browser's SWR
  // polling does while degraded (hooks/use-room-list-sync, use-room-catch-up-poll): the same
  // catch-up and room-list refresh, every POLL_INTERVAL_MS and once at the start.
  watchConnection(store, pusher);
  bindUserChannel(store, pusher);
  let stopPolling: (() => void) | undefined;
  store.subscribe(() => {
    const degraded = store.getState().connection.degraded;
    if (degraded) stats.degradedSeen = true;
    if (degraded && !stopPolling) stopPolling = pollWhileDegraded(store);
    if (!degraded && stopPolling) {
      stopPolling();
      stopPolling = undefined;
    }
  });

  // Every room of this user is open (the store holds one timeline per room), each as
  // app/(chat)/rooms/[roomId] opens it: first page, timeline, channel, catch-up if subscribed.
  const roomIds = store.getState().rooms.map((r) => r.id);
  for (const room of store.getState().rooms) {
    store.openTimeline(room.id, await fetchMessages(room.id, {}), room.unread_count);
    bindRoomChannel(store, pusher, room.id);
    catchUpIfSubscribed(store, pusher, room.id);
  }
  return { store, pusher, roomIds };
}

async function main(): Promise<void> {
  const { store, pusher, roomIds } = await open();
  const channels = [userChannel(config.me.id), ...roomIds.map(roomChannel)];
  const unsubscribed = () => channels.filter((name) => !pusher.channel(name)?.subscribed);

  // Sending: one message every 1/rate s (with jitter) into a random room of this user.
  let sending = false;
  let seq = 0;
  function sendLoop() {
    if (!sending) return;
    const roomId = roomIds[Math.floor(Math.random() * roomIds.length)];
    const pending = newPending(roomId, `soak ${config.me.username} #${++seq}`);
    store.addPending(pending);
    stats.attempted.push({ clientId: pending.client_id, roomId });
    void attempt(store, roomId, pending.client_id, false);
    setTimeout(sendLoop, (1000 / config.rate) * (0.5 + Math.random()));
  }

  // Viewing: one room at a time is on screen and marked read as hooks/use-mark-read does it.
  let viewing = false;
  let active = -1;
  let marked = 0;
  let markTimer: ReturnType<typeof setTimeout> | undefined;
  let viewTimer: ReturnType<typeof setInterval> | undefined;
  // The hook's effect runs again only when its inputs change (room, newest id, unread count).
  let inputs = "";
  function onStoreChange() {
    const state = store.getState();
    const newest = viewing && active >= 0 ? newestId(state.timelines[active]) : null;
    const unread = state.rooms.find((r) => r.id === active)?.unread_count ?? 0;
    const now = `${viewing}:${active}:${newest}:${unread}`;
    if (now === inputs) return;
    inputs = now;
    clearTimeout(markTimer);
    markTimer = undefined;
    if (newest === null || unread === 0 || newest <= marked) return;
    const roomId = active;
    markTimer = setTimeout(() => {
      markTimer = undefined;
      marked = newest;
      void markRead(store, roomId, newest).then((ok) => {
        if (!ok && active === roomId) marked = 0;
      });
    }, MARK_READ_DEBOUNCE_MS);
  }
  store.subscribe(onStoreChange);
  function viewNext() {
    active = roomIds[(roomIds.indexOf(active) + 1) % roomIds.length];
    marked = 0;
    store.setActiveRoom(active);
    onStoreChange();
  }

  const ready = async () => {
    for (;;) {
      if (pusher.connection.state === "connected" && unsubscribed().length === 0) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };

  const idle = async () => {
    for (;;) {
      const sendingNow = Object.values(store.getState().pending).some((list) => list.some((p) => p.status === "sending"));
      if (inFlight === 0 && !sendingNow && !markTimer) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };

  function snapshot(): TabSnapshot {
    const state = store.getState();
    return {
      userId: config.me.id,
      connection: state.connection,
      pusherState: pusher.connection.state,
      unsubscribed: unsubscribed(),
      timelines: Object.fromEntries(Object.entries(state.timelines).map(([id, t]) => [id, t.messages.map((m) => m.id)])),
      pending: Object.values(state.pending)
        .flat()
        .map((p) => ({ clientId: p.client_id, roomId: p.room_id, status: p.status, error: p.error })),
      unread: Object.fromEntries(state.rooms.map((r) => [r.id, r.unread_count])),
      attempted: stats.attempted,
      calls: stats.calls,
      failedMarks: stats.failedMarks,
      liveDeliveries: stats.live.size,
      connectedAt: stats.connectedAt,
      degradedSeen: stats.degradedSeen,
      markReads: stats.markReads,
      channelAuth: stats.channelAuth,
    };
  }

  async function handle(request: TabRequest): Promise<unknown> {
    switch (request.method) {
      case "ready":
        return ready();
      case "sending":
        if (request.on && !sending) {
          sending = true;
          setTimeout(sendLoop, Math.random() * (1000 / config.rate));
        }
        if (!request.on) sending = false;
        return null;
      case "viewing":
        viewing = !!request.on;
        clearInterval(viewTimer);
        if (viewing) {
          viewNext();
          viewTimer = setInterval(viewNext, VIEW_EACH_ROOM_MS);
        } else {
          clearTimeout(markTimer);
          markTimer = undefined;
        }
        return null;
      case "retryFailed": {
        // The user presses "Retry" on every message shown as Failed (the answers come later).
        const failed = Object.values(store.getState().pending)
          .flat()
          .filter((p) => p.status === "failed");
        for (const p of failed) void attempt(store, p.room_id, p.client_id, true);
        return failed.length;
      }
      case "idle":
        return idle();
      case "snapshot":
        return snapshot();
      case "close":
        sending = false;
        viewing = false;
        clearInterval(viewTimer);
        clearTimeout(markTimer);
        pusher.disconnect();
        setTimeout(() => process.exit(0), 50);
        return null;
    }
  }

  process.on("message", (request: TabRequest) => {
    handle(request).then(
      (result) => process.send?.({ id: request.id, ok: true, result } satisfies TabReply),
      (error: unknown) => process.send?.({ id: request.id, ok: false, error: String(error) } satisfies TabReply),
    );
  });
  process.send?.({ id: 0, ok: true, result: "opened" } satisfies TabReply);
}

main().catch((error: unknown) => {
  console.error("soak tab failed:", error);
  process.exit(1);
});
