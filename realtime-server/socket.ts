// One WebSocket connection speaking Pusher protocol 7.
import { type RawData, WebSocket } from "ws";
import type { ChannelRegistry, Subscriber } from "./channels";
import {
  isEncryptedChannel,
  isPresenceChannel,
  isPrivateChannel,
  isValidChannelName,
  isValidEventName,
  LIMITS,
  serverToUserId,
  TokenBucket,
} from "./limits";
import {
  CloseCode,
  channelDataSchema,
  connectionEstablishedFrame,
  decodeData,
  ErrorCode,
  encodeFrame,
  errorFrame,
  type IncomingFrame,
  incomingFrameSchema,
  signinDataSchema,
  subscribeDataSchema,
  subscriptionErrorFrame,
  unsubscribeDataSchema,
  userDataSchema,
} from "./protocol";
import { safeEqual, userAuth, verifyChannelAuth } from "./signature";
import type { UserConnection, UserRegistry } from "./users";

export type AppCredentials = { appId: string; key: string; secret: string };

export type ConnectionContext = {
  app: AppCredentials;
  registry: ChannelRegistry;
  users: UserRegistry;
  activityTimeoutSeconds: number;
  clientEventsPerSecond: number;
  onClosed(connection: Connection): void;
};

type Subscription = { userId?: string };
/** A frame to send back to this socket, if any. */
type Reply = string | undefined;

function toBuffer(raw: RawData): Buffer {
  if (Buffer.isBuffer(raw)) return raw;
  if (Array.isArray(raw)) return Buffer.concat(raw);
  return Buffer.from(raw);
}

function shorten(text: string): string {
  return text.length > 100 ? `${text.slice(0, 100)}…` : text;
}

/** Returns the presence member, or why `channel_data` was refused. */
function parseChannelData(channelData: string): { userId: string; info: unknown } | string {
  let json: unknown;
  try {
    json = JSON.parse(channelData);
  } catch {
    return "channel_data must be JSON";
  }
  const parsed = channelDataSchema.safeParse(json);
  if (!parsed.success) return "channel_data must contain user_id";
  const userId = String(parsed.data.user_id);
  if (userId.length > LIMITS.maxUserIdLength) return `user_id must be at most ${LIMITS.maxUserIdLength} characters`;
  const info = parsed.data.user_info ?? null;
  if (Buffer.byteLength(JSON.stringify(info)) > LIMITS.maxUserInfoBytes) return "user_info must be at most 1 KB";
  return { userId, info };
}

export class Connection implements Subscriber, UserConnection {
  /** Set by a successful pusher:signin. */
  private userId: string | null = null;
  private lastActivity = Date.now();
  private pingSentAt: number | null = null;
  private readonly subscriptions = new Map<string, Subscription>();
  private readonly bucket: TokenBucket;
  private disposed = false;

  constructor(
    readonly id: string,
    private readonly ws: WebSocket,
    private readonly ctx: ConnectionContext,
  ) {
    this.bucket = new TokenBucket(ctx.clientEventsPerSecond);
    ws.on("message", (raw, isBinary) => this.onMessage(raw, isBinary));
    ws.on("pong", () => this.touch());
    ws.on("close", () => this.dispose());
    // `ws` closes the socket itself after an error (e.g. 1009 for an oversized frame).
    ws.on("error", () => this.dispose());
    this.sendText(connectionEstablishedFrame(id, ctx.activityTimeoutSeconds));
  }

  send(frame: Buffer): void {
    if (!this.writable()) return;
    if (this.ws.bufferedAmount > LIMITS.maxBufferedBytes) {
      this.close(CloseCode.OverCapacity, "Client too slow to keep up");
      return;
    }
    this.ws.send(frame, { binary: false });
  }

  close(code: number, reason: string): void {
    this.dispose();
    if (this.ws.readyState === WebSocket.OPEN || this.ws.readyState === WebSocket.CONNECTING) this.ws.close(code, reason);
  }

  /** The app terminated this user's connections (HTTP API): say so, then close with 4009. */
  terminate(): void {
    this.sendText(errorFrame(CloseCode.Unauthorized, "You got disconnected by the app."));
    this.close(CloseCode.Unauthorized, "Terminated by the app");
  }

  /** Resolves once the underlying socket has closed; forces it shut after `graceMs`. */
  closed(graceMs: number): Promise<void> {
    if (this.ws.readyState === WebSocket.CLOSED) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.ws.terminate(), graceMs);
      this.ws.once("close", () => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  /** Pings a quiet socket, and closes one that left the ping unanswered. */
  checkActivity(now: number, activityMs: number, pongTimeoutMs: number): void {
    if (this.disposed) return;
    if (this.pingSentAt !== null) {
      if (now - this.pingSentAt >= pongTimeoutMs) this.close(CloseCode.PongTimeout, "Pong reply not received");
    } else if (now - this.lastActivity >= activityMs) {
      this.pingSentAt = now;
      this.sendText(encodeFrame({ event: "pusher:ping", data: {} }));
    }
  }

  private touch(): void {
    this.lastActivity = Date.now();
    this.pingSentAt = null;
  }

  private writable(): boolean {
    return !this.disposed && this.ws.readyState === WebSocket.OPEN;
  }

  private sendText(frame: string): void {
    if (this.writable()) this.ws.send(frame);
  }

  private onMessage(raw: RawData, isBinary: boolean): void {
    this.touch();
    if (this.disposed) return;
    const reply = isBinary ? errorFrame(null, "Binary frames are not supported") : this.handleText(toBuffer(raw));
    if (reply !== undefined) this.sendText(reply);
  }

  private handleText(bytes: Buffer): Reply {
    let json: unknown;
    try {
      json = JSON.parse(bytes.toString("utf8"));
    } catch {
      return errorFrame(null, "Invalid JSON");
    }
    const parsed = incomingFrameSchema.safeParse(json);
    if (!parsed.success) return errorFrame(null, "A frame must be a JSON object with a string `event`");
    try {
      return this.dispatch(parsed.data, bytes.length);
    } catch {
      return errorFrame(null, "Internal server error");
    }
  }

  private dispatch(frame: IncomingFrame, frameBytes: number): Reply {
    switch (frame.event) {
      case "pusher:ping":
        return encodeFrame({ event: "pusher:pong", data: {} });
      case "pusher:pong":
        return undefined;
      case "pusher:signin":
        return this.signin(frame.data);
      case "pusher:subscribe":
        return this.subscribe(frame.data);
      case "pusher:unsubscribe":
        return this.unsubscribe(frame.data);
      default:
        if (frame.event.startsWith("client-")) return this.clientEvent(frame, frameBytes);
        return errorFrame(null, `Unsupported event received: ${shorten(frame.event)}`);
    }
  }

  /** Refuses a sign-in the Pusher way: error 4009, then the connection is closed. */
  private refuseSignin(message: string): Reply {
    this.sendText(errorFrame(CloseCode.Unauthorized, message));
    this.close(CloseCode.Unauthorized, message);
    return undefined;
  }

  private signin(rawData: unknown): Reply {
    const parsed = signinDataSchema.safeParse(decodeData(rawData));
    if (!parsed.success) return this.refuseSignin("pusher:signin requires data.auth and data.user_data");
    const { auth, user_data: userData } = parsed.data;
    const { key, secret } = this.ctx.app;
    if (!safeEqual(auth, userAuth(key, secret, this.id, userData))) return this.refuseSignin("Connection not authorized.");
    let json: unknown;
    try {
      json = JSON.parse(userData);
    } catch {
      return this.refuseSignin("user_data must be JSON");
    }
    const user = userDataSchema.safeParse(json);
    if (!user.success || user.data.id.length > LIMITS.maxUserIdLength) {
      return this.refuseSignin('The returned user data must contain the "id" field.');
    }
    if (this.userId !== null) this.ctx.users.remove(this.userId, this.id);
    this.userId = user.data.id;
    this.ctx.users.add(this.userId, this);
    return encodeFrame({ event: "pusher:signin_success", data: { user_data: userData } });
  }

  /** `#server-to-user-<id>`: only for the connection signed in as that user, no auth token. */
  private subscribeServerToUser(channel: string, userId: string): Reply {
    if (this.userId !== userId) return subscriptionErrorFrame(channel, "AuthError", "Sign in as this user first", 401);
    if (!this.subscriptions.has(channel)) {
      this.subscriptions.set(channel, {});
      this.ctx.registry.join(channel, this);
    }
    return encodeFrame({ event: "pusher_internal:subscription_succeeded", channel, data: "{}" });
  }

  private subscribe(rawData: unknown): Reply {
    const parsed = subscribeDataSchema.safeParse(decodeData(rawData));
    if (!parsed.success) return errorFrame(null, "pusher:subscribe requires data.channel");
    const { channel, auth, channel_data: channelData } = parsed.data;
    const serverToUser = serverToUserId(channel);
    if (serverToUser !== null) return this.subscribeServerToUser(channel, serverToUser);
    if (!isValidChannelName(channel)) return subscriptionErrorFrame(channel, "InvalidChannel", "Invalid channel name", 400);
    const presence = isPresenceChannel(channel);
    if (presence || isPrivateChannel(channel)) {
      const { key, secret } = this.ctx.app;
      if (!auth || (presence && channelData === undefined)) {
        return subscriptionErrorFrame(channel, "AuthError", `Auth info required to subscribe to ${channel}`, 401);
      }
      if (!verifyChannelAuth(auth, key, secret, this.id, channel, presence ? channelData : undefined)) {
        return subscriptionErrorFrame(channel, "AuthError", "Invalid signature", 401);
      }
    }
    if (presence) return this.subscribePresence(channel, channelData ?? "");
    if (!this.subscriptions.has(channel)) {
      this.subscriptions.set(channel, {});
      this.ctx.registry.join(channel, this);
    }
    return encodeFrame({ event: "pusher_internal:subscription_succeeded", channel, data: "{}" });
  }

  private subscribePresence(channel: string, channelData: string): Reply {
    const member = parseChannelData(channelData);
    if (typeof member === "string") return subscriptionErrorFrame(channel, "InvalidChannelData", member, 400);
    const { registry } = this.ctx;
    const current = this.subscriptions.get(channel);
    if (current && current.userId !== member.userId) this.leave(channel);
    if (!registry.hasRoomFor(channel, member.userId, LIMITS.maxPresenceMembers)) {
      return subscriptionErrorFrame(channel, "LimitReached", "Presence channel is full", CloseCode.OverCapacity);
    }
    if (!this.subscriptions.has(channel)) {
      this.subscriptions.set(channel, { userId: member.userId });
      const joined = registry.joinPresence(channel, this, member.userId, member.info);
      if (joined.userAdded) {
        const data = JSON.stringify({ user_id: member.userId, user_info: joined.info });
        registry.broadcast(channel, encodeFrame({ event: "pusher_internal:member_added", channel, data }), this.id);
      }
    }
    const data = JSON.stringify({ presence: registry.presence(channel) });
    return encodeFrame({ event: "pusher_internal:subscription_succeeded", channel, data });
  }

  private unsubscribe(rawData: unknown): Reply {
    const parsed = unsubscribeDataSchema.safeParse(decodeData(rawData));
    if (!parsed.success) return errorFrame(null, "pusher:unsubscribe requires data.channel");
    this.leave(parsed.data.channel);
    return undefined;
  }

  private leave(channel: string): void {
    const subscription = this.subscriptions.get(channel);
    if (!subscription) return;
    this.subscriptions.delete(channel);
    const { userRemoved } = this.ctx.registry.leave(channel, this.id, subscription.userId);
    if (userRemoved) {
      const data = JSON.stringify({ user_id: subscription.userId });
      this.ctx.registry.broadcast(channel, encodeFrame({ event: "pusher_internal:member_removed", channel, data }));
    }
  }

  private clientEvent(frame: IncomingFrame, frameBytes: number): Reply {
    const { event, channel, data } = frame;
    if (!isValidEventName(event)) return errorFrame(null, "Event name too long", channel);
    if (channel === undefined) return errorFrame(null, "Client events require a channel");
    if (!(isPrivateChannel(channel) || isPresenceChannel(channel)) || isEncryptedChannel(channel)) {
      return errorFrame(null, "Client event rejected - only supported on private and presence channels", channel);
    }
    const subscription = this.subscriptions.get(channel);
    if (!subscription) return errorFrame(null, "Client event rejected - not subscribed to channel", channel);
    // The whole frame bounds the data, so only large frames pay for re-serializing it.
    if (frameBytes > LIMITS.maxEventDataBytes && Buffer.byteLength(JSON.stringify(data ?? null)) > LIMITS.maxEventDataBytes) {
      return errorFrame(null, "Client event rejected - data larger than 10 KB", channel);
    }
    if (!this.bucket.take()) return errorFrame(ErrorCode.ClientEventRateLimit, "Client event rejected due to rate limit", channel);
    const relayed = subscription.userId === undefined ? { event, channel, data } : { event, channel, data, user_id: subscription.userId };
    this.ctx.registry.broadcast(channel, encodeFrame(relayed), this.id);
    return undefined;
  }

  private dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    if (this.userId !== null) this.ctx.users.remove(this.userId, this.id);
    for (const channel of [...this.subscriptions.keys()]) this.leave(channel);
    this.ctx.onClosed(this);
  }
}
