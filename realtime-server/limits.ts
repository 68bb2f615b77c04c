// Limits as documented for hosted Pusher Channels.

export const LIMITS = {
  /** Largest WebSocket frame accepted; larger frames are closed with 1009 by `ws`. */
  maxFrameBytes: 100 * 1024,
  /** Event data, both for the HTTP API and for client events. */
  maxEventDataBytes: 10 * 1024,
  maxChannelsPerEvent: 100,
  maxBatchEvents: 10,
  maxChannelNameLength: 200,
  maxEventNameLength: 200,
  maxUserIdLength: 128,
  maxUserInfoBytes: 1024,
  maxPresenceMembers: 100,
  /** Ten events of 10 KB plus JSON overhead fit comfortably. */
  maxHttpBodyBytes: 256 * 1024,
  authTimestampSkewSeconds: 600,
  /** A socket that falls this far behind is closed rather than buffering without bound. */
  maxBufferedBytes: 4 * 1024 * 1024,
  /** Upper bound on the wait for a pong after the server's ping. */
  maxPongTimeoutSeconds: 30,
} as const;

const CHANNEL_NAME = /^[A-Za-z0-9_\-=@,.;]+$/;
const SOCKET_ID = /^\d+\.\d+$/;

export function isValidChannelName(name: string): boolean {
  return name.length > 0 && name.length <= LIMITS.maxChannelNameLength && CHANNEL_NAME.test(name);
}

export function isValidEventName(name: string): boolean {
  return name.length > 0 && name.length <= LIMITS.maxEventNameLength;
}

export function isValidSocketId(id: string): boolean {
  return SOCKET_ID.test(id);
}

const SERVER_TO_USER_PREFIX = "#server-to-user-";

/** The user id of a `#server-to-user-<id>` channel, or null for any other name. */
export function serverToUserId(name: string): string | null {
  if (!name.startsWith(SERVER_TO_USER_PREFIX) || name.length > LIMITS.maxChannelNameLength) return null;
  const id = name.slice(SERVER_TO_USER_PREFIX.length);
  return id.length > 0 ? id : null;
}

export function isPresenceChannel(name: string): boolean {
  return name.startsWith("presence-");
}

export function isPrivateChannel(name: string): boolean {
  return name.startsWith("private-");
}

export function isEncryptedChannel(name: string): boolean {
  return name.startsWith("private-encrypted-");
}

/** Token bucket: `ratePerSecond` tokens, refilled continuously, burst equal to the rate. */
export class TokenBucket {
  private tokens: number;
  private updatedAt: number;

  constructor(
    private readonly ratePerSecond: number,
    now: number = Date.now(),
  ) {
    this.tokens = ratePerSecond;
    this.updatedAt = now;
  }

  take(now: number = Date.now()): boolean {
    const elapsed = Math.max(0, now - this.updatedAt) / 1000;
    this.tokens = Math.min(this.ratePerSecond, this.tokens + elapsed * this.ratePerSecond);
    this.updatedAt = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}
