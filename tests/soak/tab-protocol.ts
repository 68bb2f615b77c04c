// What the soak and its tab processes say to each other over the IPC channel.
export type TabConfig = {
  origin: string;
  /** The next-auth session cookie this tab's user signed in with. */
  cookie: string;
  me: { id: number; username: string; name: string };
  /** Messages per second while sending. */
  rate: number;
};

/** One answer to a send attempt, as the tab's transport saw it. */
export type SendCall = {
  clientId: string;
  roomId: number;
  retry: boolean;
  startedAt: number;
  endedAt: number;
  /** HTTP status, or 0 for a network error. */
  status: number;
  /** For a non-2xx answer: whether the body was exactly `{ error: { code, message } }`. */
  jsonError: boolean | null;
  code: string | null;
};

export type TabSnapshot = {
  userId: number;
  connection: { state: string; degraded: boolean };
  pusherState: string;
  unsubscribed: string[];
  timelines: Record<number, number[]>;
  pending: Array<{ clientId: string; roomId: number; status: string; error: string | null }>;
  unread: Record<number, number>;
  attempted: Array<{ clientId: string; roomId: number }>;
  calls: SendCall[];
  /** Pending messages the store held as "failed" right after an attempt. */
  failedMarks: Array<{ clientId: string; error: string | null; at: number }>;
  /** Distinct message ids this tab received as message.created over the WebSocket. */
  liveDeliveries: number;
  /** When pusher-js reached "connected", each time. */
  connectedAt: number[];
  degradedSeen: boolean;
  markReads: Record<string, number>;
  channelAuth: Record<string, number>;
};

export type TabMethod = "ready" | "sending" | "viewing" | "retryFailed" | "idle" | "snapshot" | "close";
export type TabRequest = { id: number; method: TabMethod; on?: boolean };
export type TabReply = { id: number; ok: true; result: unknown } | { id: number; ok: false; error: string };
