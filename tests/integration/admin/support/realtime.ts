// A real embedded realtime server for admin tests, with the app's publisher pointed at it, and a
// minimal Pusher-protocol client that records what a browser subscribed to a channel would get.
import WebSocket from "ws";
import { resetEnvCache } from "@/lib/env";
import { pusherServer, resetPusherServer } from "@/lib/realtime/pusher-server";
import { resetRealtimeStats } from "@/lib/realtime/stats";
import { startRealtimeServer, type RealtimeServer } from "@/realtime-server";

export async function startRealtime(): Promise<RealtimeServer> {
  // The app credentials the test environment gives the app (tests/setup/env.ts), so the app's
  // publisher and signatures are accepted by this server.
  const server = await startRealtimeServer({
    port: 0,
    appId: process.env.PUSHER_APP_ID,
    key: process.env.PUSHER_KEY,
    secret: process.env.PUSHER_SECRET,
  });
  process.env.PUSHER_HOST = server.host;
  process.env.PUSHER_PORT = String(server.port);
  process.env.PUSHER_USE_TLS = "0";
  resetEnvCache();
  resetPusherServer();
  resetRealtimeStats();
  return server;
}

export async function stopRealtime(server: RealtimeServer): Promise<void> {
  await server.close();
  delete process.env.PUSHER_HOST;
  delete process.env.PUSHER_PORT;
  delete process.env.PUSHER_USE_TLS;
  resetEnvCache();
  resetPusherServer();
  resetRealtimeStats();
}

type Frame = { event: string; channel?: string; data?: unknown };

export class Subscriber {
  readonly frames: Frame[] = [];
  private waiters: Array<() => void> = [];
  private constructor(
    private readonly ws: WebSocket,
    readonly socketId: string,
  ) {}

  static async connect(server: RealtimeServer): Promise<Subscriber> {
    const ws = new WebSocket(`ws://${server.host}:${server.port}/app/${server.key}?protocol=7`);
    const socketId = await new Promise<string>((resolve, reject) => {
      ws.once("error", reject);
      ws.once("message", (raw) => {
        const frame = JSON.parse(String(raw)) as { data: string };
        resolve((JSON.parse(frame.data) as { socket_id: string }).socket_id);
      });
    });
    const subscriber = new Subscriber(ws, socketId);
    ws.on("message", (raw) => subscriber.receive(String(raw)));
    return subscriber;
  }

  private receive(raw: string) {
    const frame = JSON.parse(raw) as { event: string; channel?: string; data?: string };
    let data: unknown = frame.data;
    if (typeof frame.data === "string") {
      try {
        data = JSON.parse(frame.data);
      } catch {
        data = frame.data;
      }
    }
    this.frames.push({ event: frame.event, channel: frame.channel, data });
    for (const wake of this.waiters.splice(0)) wake();
  }

  /** Subscribes with a signature from the app's own Pusher client, as /api/pusher/auth would give. */
  async subscribe(channel: string, member?: { user_id: string }): Promise<void> {
    const auth = pusherServer().authorizeChannel(this.socketId, channel, member);
    this.ws.send(JSON.stringify({ event: "pusher:subscribe", data: { channel, ...auth } }));
    await this.waitFor((f) => f.event === "pusher_internal:subscription_succeeded" && f.channel === channel);
  }

  async waitFor(match: (frame: Frame) => boolean, timeoutMs = 5000): Promise<Frame> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.frames.find(match);
      if (found) return found;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no matching frame; got ${JSON.stringify(this.frames.map((f) => f.event))}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  close() {
    this.ws.close();
  }
}
