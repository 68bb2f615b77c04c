// Shared helpers for the realtime conformance suite. With REALTIME_TEST_HOST/PORT/APP_ID/KEY/SECRET
// set, the suite runs against that server instead of starting the embedded one.
import { createHash, createHmac } from "node:crypto";
import Pusher from "pusher";
import PusherJs, { type Channel, type PresenceChannel } from "pusher-js";
import WebSocket from "ws";
import { type RealtimeServer, type RealtimeServerOptions, startRealtimeServer } from "../../realtime-server";

export type Target = {
  host: string;
  port: number;
  appId: string;
  key: string;
  secret: string;
  /** The embedded server, or null when testing an external one. */
  server: RealtimeServer | null;
  close(): Promise<void>;
};

export const external = Boolean(process.env.REALTIME_TEST_HOST);

/** A prefix unique to this run, so channel names don't collide on a shared external server. */
export const runId = `t${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;

const DEFAULT_TIMEOUT_MS = 5000;

export async function startTarget(options: RealtimeServerOptions = {}): Promise<Target> {
  const env = process.env;
  if (external) {
    return {
      host: env.REALTIME_TEST_HOST ?? "127.0.0.1",
      port: Number(env.REALTIME_TEST_PORT ?? 6001),
      appId: env.REALTIME_TEST_APP_ID ?? "app-id",
      key: env.REALTIME_TEST_KEY ?? "app-key",
      secret: env.REALTIME_TEST_SECRET ?? "app-secret",
      server: null,
      close: async () => {},
    };
  }
  const server = await startRealtimeServer({ port: 0, ...options });
  return { ...server, server, close: () => server.close() };
}

export function withTimeout<T>(promise: Promise<T>, label: string, ms = DEFAULT_TIMEOUT_MS): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Timed out after ${ms} ms waiting for ${label}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Polls a condition; for state that has no event to wait on (e.g. server counters). */
export async function until(condition: () => boolean, label: string, ms = DEFAULT_TIMEOUT_MS): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${ms} ms waiting for ${label}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export function serverSdk(t: Target): Pusher {
  return new Pusher({ appId: t.appId, key: t.key, secret: t.secret, host: t.host, port: String(t.port), useTLS: false });
}

export type PresenceData = { user_id: string; user_info?: Record<string, unknown> };

type ClientOptions = {
  presence?: PresenceData;
  forgeAuth?: boolean;
  key?: string;
  /** user_data for pusher:signin (`client.signin()`), signed by the server SDK. */
  user?: { id: string } & Record<string, unknown>;
};

const openClients = new Set<PusherJs>();

export function pusherClient(t: Target, options: ClientOptions = {}): PusherJs {
  const sdk = serverSdk(t);
  const client = new PusherJs(options.key ?? t.key, {
    cluster: "",
    wsHost: t.host,
    wsPort: t.port,
    forceTLS: false,
    enabledTransports: ["ws"],
    disableStats: true,
    channelAuthorization: {
      customHandler: ({ socketId, channelName }, callback) => {
        const auth = sdk.authorizeChannel(socketId, channelName, channelName.startsWith("presence-") ? options.presence : undefined);
        callback(null, options.forgeAuth ? { ...auth, auth: `${t.key}:${"0".repeat(64)}` } : auth);
      },
    },
    userAuthentication: {
      customHandler: ({ socketId }, callback) => {
        if (!options.user) return callback(new Error("no user for this client"), null);
        callback(null, sdk.authenticateUser(socketId, options.user));
      },
    },
  });
  openClients.add(client);
  return client;
}

export function disconnectAll(): void {
  for (const client of openClients) client.disconnect();
  openClients.clear();
}

/** Resolves with the socket id once connected. */
export function connected(client: PusherJs): Promise<string> {
  return withTimeout(
    new Promise<string>((resolve) => {
      if (client.connection.state === "connected") return resolve(client.connection.socket_id);
      client.connection.bind("connected", () => resolve(client.connection.socket_id));
    }),
    "pusher-js connection",
  );
}

export async function connectedClient(t: Target, options: ClientOptions = {}): Promise<PusherJs> {
  const client = pusherClient(t, options);
  await connected(client);
  return client;
}

/** Subscribes and resolves on `pusher:subscription_succeeded`, rejects on `pusher:subscription_error`. */
export function subscribe<C extends Channel = Channel>(client: PusherJs, name: string): Promise<C> {
  const channel = client.subscribe(name);
  return withTimeout(
    new Promise<C>((resolve, reject) => {
      channel.bind("pusher:subscription_succeeded", () => resolve(channel as C));
      channel.bind("pusher:subscription_error", (error: unknown) => reject(new SubscriptionError(error)));
    }),
    `subscription to ${name}`,
  );
}

export function subscribePresence(client: PusherJs, name: string): Promise<PresenceChannel> {
  return subscribe<PresenceChannel>(client, name);
}

export class SubscriptionError extends Error {
  constructor(readonly detail: unknown) {
    super(`Subscription failed: ${JSON.stringify(detail)}`);
  }
}

export type Received = { data: unknown; userId?: string };

/** Records every `event` on `channel`, and lets a test wait for the n-th one. */
export function record(channel: Channel, event: string) {
  const received: Received[] = [];
  const waiters: { count: number; resolve: () => void }[] = [];
  channel.bind(event, (data: unknown, metadata?: { user_id?: string }) => {
    received.push({ data, userId: metadata?.user_id });
    for (const waiter of waiters.filter((w) => received.length >= w.count)) waiter.resolve();
  });
  return {
    received,
    waitFor(count: number, label = `${count}× ${event} on ${channel.name}`): Promise<Received[]> {
      if (received.length >= count) return Promise.resolve(received);
      return withTimeout(new Promise<Received[]>((resolve) => waiters.push({ count, resolve: () => resolve(received) })), label);
    },
  };
}

export type PusherErrorEvent = { code: number | null; message: string };

/** Records `pusher:error` frames surfaced by pusher-js on the connection. */
export function recordErrors(client: PusherJs) {
  const errors: PusherErrorEvent[] = [];
  client.connection.bind("error", (error: { type?: string; data?: PusherErrorEvent }) => {
    if (error.type === "PusherError" && error.data) errors.push(error.data);
  });
  return {
    errors,
    waitFor: (count: number) => until(() => errors.length >= count, `${count} pusher:error frames`),
  };
}

/** Publishes a marker through the HTTP API and waits for it: everything sent before it has arrived. */
export async function flush(t: Target, channel: Channel): Promise<void> {
  const marker = `flush-${Math.random()}`;
  const arrived = withTimeout(
    new Promise<void>((resolve) => {
      const handler = (data: { marker?: string }) => {
        if (data?.marker !== marker) return;
        channel.unbind("flush", handler);
        resolve();
      };
      channel.bind("flush", handler);
    }),
    `flush marker on ${channel.name}`,
  );
  await serverSdk(t).trigger(channel.name, "flush", { marker });
  await arrived;
}

/** `<key>:<hmac>` for a subscription, computed independently of the server's code. */
export function signChannel(t: Target, socketId: string, channel: string, channelData?: string): string {
  const parts = channelData === undefined ? [socketId, channel] : [socketId, channel, channelData];
  return `${t.key}:${createHmac("sha256", t.secret).update(parts.join(":")).digest("hex")}`;
}

// --- Raw HTTP API requests, signed independently of the server's code -------------------------

export type SignedRequest = {
  method: "GET" | "POST";
  path: string;
  params?: Record<string, string>;
  body?: string;
  /** The body whose md5 is signed, when it should differ from the body sent. */
  md5Of?: string;
  /** Applied after signing, to forge or break individual parameters. */
  tamper?: Record<string, string>;
  secret?: string;
  key?: string;
  timestamp?: number;
};

function md5Hex(text: string): string {
  return createHash("md5").update(text).digest("hex");
}

export function signedUrl(t: Target, request: SignedRequest): string {
  const params: Record<string, string> = {
    auth_key: request.key ?? t.key,
    auth_timestamp: String(request.timestamp ?? Math.floor(Date.now() / 1000)),
    auth_version: "1.0",
    ...(request.body === undefined ? {} : { body_md5: md5Hex(request.md5Of ?? request.body) }),
    ...request.params,
  };
  const query = Object.keys(params)
    .sort()
    .map((name) => `${name}=${params[name]}`)
    .join("&");
  const signature = createHmac("sha256", request.secret ?? t.secret)
    .update(`${request.method}\n${request.path}\n${query}`)
    .digest("hex");
  const final = new URLSearchParams({ ...params, auth_signature: signature, ...request.tamper });
  return `http://${t.host}:${t.port}${request.path}?${final.toString()}`;
}

export async function apiRequest(t: Target, request: SignedRequest): Promise<{ status: number; body: unknown }> {
  const response = await fetch(signedUrl(t, request), {
    method: request.method,
    body: request.body,
    headers: request.body === undefined ? {} : { "content-type": "application/json" },
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {}
  return { status: response.status, body };
}

export function postEvents(t: Target, event: unknown, extra: Partial<SignedRequest> = {}) {
  return apiRequest(t, { method: "POST", path: `/apps/${t.appId}/events`, body: JSON.stringify(event), ...extra });
}

// --- Raw WebSocket client for protocol-level tests --------------------------------------------

export type Frame = { event: string; channel?: string; data?: unknown; user_id?: string };

function isFrame(value: unknown): value is Frame {
  return typeof value === "object" && value !== null && typeof (value as { event?: unknown }).event === "string";
}

export class RawClient {
  private readonly pending: Frame[] = [];
  private readonly waiters: { predicate: (frame: Frame) => boolean; resolve: (frame: Frame) => void }[] = [];
  readonly closed: Promise<{ code: number; reason: string }>;

  private constructor(readonly ws: WebSocket) {
    ws.on("message", (raw) => {
      const text = Array.isArray(raw) ? Buffer.concat(raw).toString() : Buffer.from(raw as Buffer).toString();
      const parsed: unknown = JSON.parse(text);
      if (!isFrame(parsed)) throw new Error(`Server sent a frame without event: ${text}`);
      const waiter = this.waiters.find((w) => w.predicate(parsed));
      if (waiter) {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        waiter.resolve(parsed);
      } else {
        this.pending.push(parsed);
      }
    });
    this.closed = new Promise((resolve) => ws.on("close", (code, reason) => resolve({ code, reason: reason.toString() })));
    ws.on("error", () => {});
  }

  static open(t: Target, options: { key?: string; query?: string } = {}): RawClient {
    const query = options.query ?? "protocol=7&client=js&version=8.6.0&flash=false";
    return new RawClient(new WebSocket(`ws://${t.host}:${t.port}/app/${options.key ?? t.key}?${query}`));
  }

  /** Opens a socket and returns it with its socket id once `pusher:connection_established` arrives. */
  static async connect(t: Target): Promise<{ client: RawClient; socketId: string }> {
    const client = RawClient.open(t);
    const established = await client.next((f) => f.event === "pusher:connection_established");
    const data: unknown = JSON.parse(String(established.data));
    return { client, socketId: (data as { socket_id: string }).socket_id };
  }

  /** The next frame matching `predicate` (already received or still to come). */
  next(predicate: (frame: Frame) => boolean, label = "frame", ms = DEFAULT_TIMEOUT_MS): Promise<Frame> {
    const index = this.pending.findIndex(predicate);
    if (index !== -1) return Promise.resolve(this.pending.splice(index, 1)[0]);
    return withTimeout(new Promise<Frame>((resolve) => this.waiters.push({ predicate, resolve })), label, ms);
  }

  nextEvent(event: string, ms?: number): Promise<Frame> {
    return this.next((f) => f.event === event, event, ms);
  }

  send(data: string | Buffer | object, options?: { binary?: boolean }): void {
    const payload = typeof data === "string" || Buffer.isBuffer(data) ? data : JSON.stringify(data);
    this.ws.send(payload, options ?? {});
  }

  close(): void {
    this.ws.close();
  }
}

export function errorData(frame: Frame): PusherErrorEvent {
  return frame.data as PusherErrorEvent;
}
