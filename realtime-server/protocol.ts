// Pusher Channels protocol 7: frame shapes, close codes and the frames the server sends.
// Close codes: 4000–4099 don't reconnect, 4100–4199 reconnect with backoff, 4200–4299 reconnect now.
import { z } from "zod";

export const SUPPORTED_PROTOCOLS = [5, 6, 7] as const;

export const CloseCode = {
  UnknownApp: 4001,
  UnsupportedProtocol: 4007,
  /** A failed pusher:signin, or the app terminated the user's connections. */
  Unauthorized: 4009,
  OverCapacity: 4100,
  ServerRestarting: 4200,
  PongTimeout: 4201,
} as const;

export const ErrorCode = {
  ClientEventRateLimit: 4301,
} as const;

export const incomingFrameSchema = z.object({
  event: z.string().min(1),
  channel: z.string().optional(),
  data: z.unknown().optional(),
});
export type IncomingFrame = z.infer<typeof incomingFrameSchema>;

export const subscribeDataSchema = z.object({
  channel: z.string(),
  auth: z.string().optional(),
  channel_data: z.string().optional(),
});

export const signinDataSchema = z.object({ auth: z.string(), user_data: z.string() });

/** pusher:signin's user_data: an object whose `id` names the user (a string, as pusher-js requires). */
export const userDataSchema = z.looseObject({ id: z.string().min(1) });

export const unsubscribeDataSchema = z.object({ channel: z.string() });

export const channelDataSchema = z.object({
  user_id: z.union([z.string().min(1), z.number().finite()]),
  user_info: z.unknown().optional(),
});

/** Some clients send `data` as a JSON string; pusher-js sends an object. */
export function decodeData(data: unknown): unknown {
  if (typeof data !== "string") return data;
  try {
    return JSON.parse(data);
  } catch {
    return data;
  }
}

type Frame = { event: string; channel?: string; data?: unknown; user_id?: string };

export function encodeFrame(frame: Frame): string {
  return JSON.stringify(frame);
}

export function errorFrame(code: number | null, message: string, channel?: string): string {
  return encodeFrame({ event: "pusher:error", ...(channel === undefined ? {} : { channel }), data: { code, message } });
}

export function connectionEstablishedFrame(socketId: string, activityTimeout: number): string {
  return encodeFrame({
    event: "pusher:connection_established",
    data: JSON.stringify({ socket_id: socketId, activity_timeout: activityTimeout }),
  });
}

export function subscriptionErrorFrame(channel: string, type: string, error: string, status: number): string {
  return encodeFrame({ event: "pusher:subscription_error", channel, data: { type, error, status } });
}
