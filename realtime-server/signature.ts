import { createHash, createHmac, timingSafeEqual } from "node:crypto";

export function hmacSha256Hex(secret: string, data: string): string {
  return createHmac("sha256", secret).update(data, "utf8").digest("hex");
}

export function md5Hex(body: Buffer | string): string {
  return createHash("md5").update(body).digest("hex");
}

/** Constant-time string comparison; unequal lengths are simply unequal. */
export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a, "utf8");
  const right = Buffer.from(b, "utf8");
  return left.length === right.length && timingSafeEqual(left, right);
}

/** `<key>:<hmac(secret, "<socket_id>:<channel>[:<channel_data>]")>`, as pusher's `authorizeChannel` makes it. */
export function channelAuth(key: string, secret: string, socketId: string, channel: string, channelData?: string): string {
  const parts = channelData === undefined ? [socketId, channel] : [socketId, channel, channelData];
  return `${key}:${hmacSha256Hex(secret, parts.join(":"))}`;
}

export function verifyChannelAuth(auth: string, key: string, secret: string, socketId: string, channel: string, channelData?: string): boolean {
  return safeEqual(auth, channelAuth(key, secret, socketId, channel, channelData));
}

/** `<key>:<hmac(secret, "<socket_id>::user::<user_data>")>`, as pusher's `authenticateUser` makes it. */
export function userAuth(key: string, secret: string, socketId: string, userData: string): string {
  return `${key}:${hmacSha256Hex(secret, `${socketId}::user::${userData}`)}`;
}

/** The string the HTTP API signs: method, path and the sorted query without `auth_signature`. */
export function apiStringToSign(method: string, path: string, params: ReadonlyMap<string, string>): string {
  const query = [...params.entries()]
    .filter(([name]) => name !== "auth_signature")
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, value]) => `${name}=${value}`)
    .join("&");
  return `${method.toUpperCase()}\n${path}\n${query}`;
}

export type ApiAuthResult = { ok: true } | { ok: false; status: 400 | 401; error: string };

export function verifyApiRequest(input: {
  method: string;
  path: string;
  params: ReadonlyMap<string, string>;
  rawBody: Buffer;
  key: string;
  secret: string;
  nowSeconds: number;
  maxSkewSeconds: number;
}): ApiAuthResult {
  const { params } = input;
  const authKey = params.get("auth_key");
  const timestamp = params.get("auth_timestamp");
  const version = params.get("auth_version");
  const signature = params.get("auth_signature");
  if (!authKey || !timestamp || !signature) return { ok: false, status: 401, error: "Missing authentication parameters" };
  if (version !== "1.0") return { ok: false, status: 401, error: "auth_version must be 1.0" };
  if (!safeEqual(authKey, input.key)) return { ok: false, status: 401, error: "Unknown auth_key" };
  if (!/^\d{1,12}$/.test(timestamp)) return { ok: false, status: 401, error: "Invalid auth_timestamp" };
  if (Math.abs(input.nowSeconds - Number(timestamp)) > input.maxSkewSeconds) {
    return { ok: false, status: 401, error: "Timestamp expired: more than 600 seconds from server time" };
  }
  if (input.rawBody.length > 0) {
    const bodyMd5 = params.get("body_md5");
    if (!bodyMd5 || !safeEqual(bodyMd5, md5Hex(input.rawBody))) return { ok: false, status: 401, error: "body_md5 does not match the body" };
  }
  const expected = hmacSha256Hex(input.secret, apiStringToSign(input.method, input.path, params));
  if (!safeEqual(signature, expected)) return { ok: false, status: 401, error: "Invalid signature" };
  return { ok: true };
}
