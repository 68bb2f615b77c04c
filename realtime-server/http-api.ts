// Pusher Channels HTTP API: events, batch_events, channel queries and terminating a user's
// connections, signed with auth_signature.
import type { IncomingMessage, ServerResponse } from "node:http";
import { z } from "zod";
import type { ChannelRegistry } from "./channels";
import type { PublishFailures } from "./failure-injection";
import { isPresenceChannel, isValidChannelName, isValidEventName, isValidSocketId, LIMITS, serverToUserId } from "./limits";
import { encodeFrame } from "./protocol";
import { verifyApiRequest } from "./signature";
import type { AppCredentials } from "./socket";
import type { UserRegistry } from "./users";

export type HttpApiContext = { app: AppCredentials; registry: ChannelRegistry; users: UserRegistry; failures?: PublishFailures };

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const eventSchema = z.object({
  name: z.string(),
  data: z.string(),
  channels: z.array(z.string()).optional(),
  channel: z.string().optional(),
  socket_id: z.string().optional(),
  info: z.string().optional(),
});

const batchItemSchema = z.object({
  name: z.string(),
  data: z.string(),
  channel: z.string(),
  socket_id: z.string().optional(),
  info: z.string().optional(),
});

const batchSchema = z.object({ batch: z.array(z.unknown()) });

type Delivery = { name: string; data: string; channels: string[]; socketId?: string };

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const payload = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(payload) });
  res.end(payload);
}

/** Reads the body, keeping at most `limit` bytes; `null` when it was larger. */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
    });
    req.on("end", () => resolve(size > limit ? null : Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

function parseJson(raw: Buffer): unknown {
  try {
    return JSON.parse(raw.toString("utf8"));
  } catch {
    throw new HttpError(400, "Body must be JSON");
  }
}

function checkDelivery(delivery: Delivery): void {
  if (!isValidEventName(delivery.name)) throw new HttpError(400, `Event name must be 1–${LIMITS.maxEventNameLength} characters`);
  if (Buffer.byteLength(delivery.data, "utf8") > LIMITS.maxEventDataBytes) throw new HttpError(413, "Event data must be at most 10 KB");
  if (delivery.channels.length === 0) throw new HttpError(400, "An event needs at least one channel");
  if (delivery.channels.length > LIMITS.maxChannelsPerEvent) throw new HttpError(400, "An event may go to at most 100 channels");
  for (const channel of delivery.channels) {
    // `#server-to-user-<id>` is what pusher's sendToUser publishes to.
    if (!isValidChannelName(channel) && serverToUserId(channel) === null)
      throw new HttpError(400, `Invalid channel name: ${channel.slice(0, LIMITS.maxChannelNameLength)}`);
  }
  if (delivery.socketId !== undefined && !isValidSocketId(delivery.socketId)) throw new HttpError(400, "Invalid socket_id");
}

function deliver(registry: ChannelRegistry, delivery: Delivery): void {
  for (const channel of delivery.channels) {
    registry.broadcast(channel, encodeFrame({ event: delivery.name, channel, data: delivery.data }), delivery.socketId);
  }
}

function postEvents(ctx: HttpApiContext, body: unknown): object {
  const parsed = eventSchema.safeParse(body);
  if (!parsed.success) throw new HttpError(400, "Expected {name, data, channels | channel, socket_id?} with string data");
  const { name, data, channels, channel, socket_id: socketId } = parsed.data;
  const delivery = { name, data, channels: channels ?? (channel === undefined ? [] : [channel]), socketId };
  checkDelivery(delivery);
  deliver(ctx.registry, delivery);
  return {};
}

function postBatch(ctx: HttpApiContext, body: unknown): object {
  const parsed = batchSchema.safeParse(body);
  if (!parsed.success) throw new HttpError(400, "Expected {batch: [...]}");
  const { batch } = parsed.data;
  if (batch.length === 0) throw new HttpError(400, "Batch must not be empty");
  if (batch.length > LIMITS.maxBatchEvents) throw new HttpError(400, "Batch may hold at most 10 events");
  // Validate every event before delivering any, so a bad batch has no partial effect.
  const deliveries = batch.map((item) => {
    const event = batchItemSchema.safeParse(item);
    if (!event.success) throw new HttpError(400, "Each batch event needs {name, data, channel, socket_id?} with string data");
    const delivery = { name: event.data.name, data: event.data.data, channels: [event.data.channel], socketId: event.data.socket_id };
    checkDelivery(delivery);
    return delivery;
  });
  for (const delivery of deliveries) deliver(ctx.registry, delivery);
  return { batch: deliveries.map(() => ({})) };
}

function infoAttributes(params: ReadonlyMap<string, string>): Set<string> {
  return new Set((params.get("info") ?? "").split(",").filter((attribute) => attribute.length > 0));
}

function getChannels(ctx: HttpApiContext, params: ReadonlyMap<string, string>): object {
  const prefix = params.get("filter_by_prefix") ?? "";
  const info = infoAttributes(params);
  const wantsUserCount = info.has("user_count");
  if (wantsUserCount && !isPresenceChannel(prefix)) throw new HttpError(400, "info=user_count requires filter_by_prefix=presence-");
  const channels: Record<string, { user_count?: number }> = {};
  for (const name of ctx.registry.names(prefix)) {
    channels[name] = wantsUserCount ? { user_count: ctx.registry.userCount(name) } : {};
  }
  return { channels };
}

function getChannel(ctx: HttpApiContext, name: string, params: ReadonlyMap<string, string>): object {
  const info = infoAttributes(params);
  if (info.has("user_count") && !isPresenceChannel(name)) throw new HttpError(400, "user_count is only available for presence channels");
  const { registry } = ctx;
  return {
    occupied: registry.isOccupied(name),
    ...(info.has("subscription_count") ? { subscription_count: registry.subscriptionCount(name) } : {}),
    ...(info.has("user_count") ? { user_count: registry.userCount(name) } : {}),
  };
}

function getUsers(ctx: HttpApiContext, name: string): object {
  if (!isPresenceChannel(name)) throw new HttpError(400, "Users are only available for presence channels");
  return { users: ctx.registry.userIds(name).map((id) => ({ id })) };
}

function decodeUserId(segment: string): string {
  let id: string;
  try {
    id = decodeURIComponent(segment);
  } catch {
    throw new HttpError(400, "Invalid user id");
  }
  if (id.length === 0 || id.length > LIMITS.maxUserIdLength) throw new HttpError(400, "Invalid user id");
  return id;
}

function decodeChannel(segment: string): string {
  let name: string;
  try {
    name = decodeURIComponent(segment);
  } catch {
    throw new HttpError(400, "Invalid channel name");
  }
  if (!isValidChannelName(name)) throw new HttpError(400, "Invalid channel name");
  return name;
}

type Route = { method: "GET" | "POST"; publish?: true; run(params: ReadonlyMap<string, string>, rawBody: Buffer): object };

function route(ctx: HttpApiContext, rest: string[]): Route | null {
  const [resource, name, sub, ...extra] = rest;
  if (extra.length > 0) return null;
  if (resource === "events" && name === undefined) return { method: "POST", publish: true, run: (_, raw) => postEvents(ctx, parseJson(raw)) };
  if (resource === "batch_events" && name === undefined) return { method: "POST", publish: true, run: (_, raw) => postBatch(ctx, parseJson(raw)) };
  if (resource === "users" && name !== undefined && sub === "terminate_connections") {
    return {
      method: "POST",
      run: () => {
        ctx.users.terminate(decodeUserId(name));
        return {};
      },
    };
  }
  if (resource !== "channels") return null;
  if (name === undefined) return { method: "GET", run: (params) => getChannels(ctx, params) };
  if (sub === undefined) return { method: "GET", run: (params) => getChannel(ctx, decodeChannel(name), params) };
  if (sub === "users") return { method: "GET", run: () => getUsers(ctx, decodeChannel(name)) };
  return null;
}

function queryParams(query: string): Map<string, string> {
  const params = new Map<string, string>();
  for (const [name, value] of new URLSearchParams(query)) params.set(name.toLowerCase(), value);
  return params;
}

/** Handles `/apps/{appId}/...`; returns false when the path is not an API path. */
export async function handleApiRequest(req: IncomingMessage, res: ServerResponse, ctx: HttpApiContext): Promise<boolean> {
  const url = req.url ?? "/";
  const queryStart = url.indexOf("?");
  const path = queryStart === -1 ? url : url.slice(0, queryStart);
  const segments = path.split("/");
  if (segments[0] !== "" || segments[1] !== "apps" || segments.length < 4) return false;
  try {
    if (segments[2] !== ctx.app.appId) throw new HttpError(404, "Unknown app");
    const target = route(ctx, segments.slice(3));
    if (!target) throw new HttpError(404, "Not found");
    if (req.method !== target.method) throw new HttpError(405, `Use ${target.method}`);
    const rawBody = await readBody(req, LIMITS.maxHttpBodyBytes);
    if (rawBody === null) throw new HttpError(413, "Request body too large");
    const params = queryParams(queryStart === -1 ? "" : url.slice(queryStart + 1));
    const auth = verifyApiRequest({
      method: target.method,
      path,
      params,
      rawBody,
      key: ctx.app.key,
      secret: ctx.app.secret,
      nowSeconds: Math.floor(Date.now() / 1000),
      maxSkewSeconds: LIMITS.authTimestampSkewSeconds,
    });
    if (!auth.ok) throw new HttpError(auth.status, auth.error);
    // Injected failures (failure-injection.ts) hit signed publish calls only, before any delivery.
    if (target.publish && ctx.failures?.next()) throw new HttpError(503, "Injected publish failure");
    sendJson(res, 200, target.run(params, rawBody));
  } catch (error) {
    if (error instanceof HttpError) sendJson(res, error.status, { error: error.message });
    else sendJson(res, 500, { error: "Internal server error" });
  }
  return true;
}
