// Starts and stops the server: one HTTP listener for the WebSocket endpoint and the HTTP API.
import { randomInt } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Duplex } from "node:stream";
import { type WebSocket, WebSocketServer } from "ws";
import { z } from "zod";
import { ChannelRegistry } from "./channels";
import { publishFailures } from "./failure-injection";
import { DEFAULT_CREDENTIALS, isLoopbackHost, usesDefaultCredentials } from "./credentials";
import { handleApiRequest, sendJson } from "./http-api";
import { LIMITS } from "./limits";
import { CloseCode, errorFrame, SUPPORTED_PROTOCOLS } from "./protocol";
import { type AppCredentials, Connection, type ConnectionContext } from "./socket";
import { UserRegistry } from "./users";

export type RealtimeServerOptions = {
  host?: string;
  /** 0 picks a random free port. */
  port?: number;
  appId?: string;
  key?: string;
  secret?: string;
  /** Default 120. */
  activityTimeoutSeconds?: number;
  /** Default 10. */
  clientEventsPerSecond?: number;
  /** Fraction of publish calls to fail with a 503 (tests and benchmarks only; default 0). */
  publishFailureRate?: number;
  /** Seed of the failure sequence (default 1). */
  publishFailureSeed?: number;
};

export type RealtimeServer = {
  host: string;
  port: number;
  appId: string;
  key: string;
  secret: string;
  connectionCount(): number;
  channelCount(): number;
  /** Changes the injected publish failure rate (0: off), restarting the sequence from `seed`. */
  failPublishes(rate: number, seed?: number): void;
  /** Publish calls failed on purpose so far. */
  injectedFailures(): number;
  /** Closes all sockets and the listener. */
  close(): Promise<void>;
};

const optionsSchema = z.object({
  host: z.string().min(1).default("127.0.0.1"),
  port: z.number().int().min(0).max(65535).default(6001),
  appId: z.string().min(1).default(DEFAULT_CREDENTIALS.appId),
  key: z.string().min(1).default(DEFAULT_CREDENTIALS.key),
  secret: z.string().min(1).default(DEFAULT_CREDENTIALS.secret),
  activityTimeoutSeconds: z.number().int().positive().default(120),
  clientEventsPerSecond: z.number().positive().default(10),
  publishFailureRate: z.number().min(0).max(1).default(0),
  publishFailureSeed: z.number().int().default(1),
});

const CLOSE_GRACE_MS = 1000;

function newSocketId(taken: ReadonlyMap<string, unknown>): string {
  for (;;) {
    const id = `${randomInt(1, 2 ** 31)}.${randomInt(1, 2 ** 31)}`;
    if (!taken.has(id)) return id;
  }
}

function rejectUpgrade(socket: Duplex, status: string): void {
  socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

/** Refuses a handshake the Pusher way: an error frame, then the close code. */
function refuse(ws: WebSocket, code: number, message: string): void {
  ws.on("error", () => {});
  ws.send(errorFrame(code, message));
  ws.close(code, message);
}

export class UnsafeBindError extends Error {
  constructor(host: string) {
    super(
      `Refusing to listen on ${host} with the default credentials (app-id / app-key / app-secret), which anyone can sign with: ` +
        "set PUSHER_APP_ID, PUSHER_KEY and PUSHER_SECRET to your own values, or listen on 127.0.0.1",
    );
    this.name = "UnsafeBindError";
  }
}

export async function startRealtimeServer(options: RealtimeServerOptions = {}): Promise<RealtimeServer> {
  const config = optionsSchema.parse(options);
  const app: AppCredentials = { appId: config.appId, key: config.key, secret: config.secret };
  if (usesDefaultCredentials(app) && !isLoopbackHost(config.host)) throw new UnsafeBindError(config.host);
  const registry = new ChannelRegistry();
  const users = new UserRegistry();
  const failures = publishFailures(config.publishFailureRate, config.publishFailureSeed);
  const connections = new Map<string, Connection>();
  const context: ConnectionContext = {
    app,
    registry,
    users,
    activityTimeoutSeconds: config.activityTimeoutSeconds,
    clientEventsPerSecond: config.clientEventsPerSecond,
    onClosed: (connection) => connections.delete(connection.id),
  };

  const wss = new WebSocketServer({ noServer: true, maxPayload: LIMITS.maxFrameBytes, clientTracking: false });

  const onRequest = (req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? "/").split("?")[0];
    if (req.method === "GET" && (path === "/" || path === "/health")) {
      return sendJson(
        res,
        200,
        failures.rate() > 0 || failures.injected() > 0 ? { ok: true, publish_failures_injected: failures.injected() } : { ok: true },
      );
    }
    handleApiRequest(req, res, { app, registry, users, failures }).then(
      (handled) => {
        if (!handled) sendJson(res, 404, { error: "Not found" });
      },
      () => {
        if (!res.headersSent) sendJson(res, 500, { error: "Internal server error" });
      },
    );
  };

  let closing: Promise<void> | null = null;

  const accept = (ws: WebSocket, key: string, protocol: number) => {
    if (closing) return refuse(ws, CloseCode.ServerRestarting, "Server shutting down");
    if (key !== app.key) return refuse(ws, CloseCode.UnknownApp, `App key ${key.slice(0, 100)} not in this cluster`);
    if (!SUPPORTED_PROTOCOLS.some((supported) => supported === protocol)) {
      return refuse(ws, CloseCode.UnsupportedProtocol, "Unsupported protocol version");
    }
    const id = newSocketId(connections);
    connections.set(id, new Connection(id, ws, context));
  };

  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on("error", () => socket.destroy());
    let key: string;
    let protocol: number;
    try {
      const url = new URL(req.url ?? "/", "http://localhost");
      const match = /^\/app\/([^/]+)$/.exec(url.pathname);
      if (!match) return rejectUpgrade(socket, "404 Not Found");
      key = decodeURIComponent(match[1]);
      protocol = Number(url.searchParams.get("protocol"));
    } catch {
      return rejectUpgrade(socket, "400 Bad Request");
    }
    if (closing) return rejectUpgrade(socket, "503 Service Unavailable");
    wss.handleUpgrade(req, socket, head, (ws) => accept(ws, key, protocol));
  };

  const http = createServer(onRequest);
  http.on("upgrade", onUpgrade);
  http.on("clientError", (_error, socket) => socket.destroy());

  await new Promise<void>((resolve, reject) => {
    http.once("error", reject);
    http.listen(config.port, config.host, () => {
      http.off("error", reject);
      resolve();
    });
  });

  const activityMs = config.activityTimeoutSeconds * 1000;
  const pongTimeoutMs = Math.min(config.activityTimeoutSeconds, LIMITS.maxPongTimeoutSeconds) * 1000;
  const sweep = setInterval(
    () => {
      const now = Date.now();
      for (const connection of connections.values()) connection.checkActivity(now, activityMs, pongTimeoutMs);
    },
    Math.min(5000, Math.max(250, activityMs / 4)),
  );
  sweep.unref();

  const close = () => {
    closing ??= (async () => {
      clearInterval(sweep);
      const stopped = new Promise<void>((resolve) => http.close(() => resolve()));
      http.closeIdleConnections();
      const all = [...connections.values()];
      const closed = all.map((connection) => connection.closed(CLOSE_GRACE_MS));
      for (const connection of all) connection.close(CloseCode.ServerRestarting, "Server shutting down");
      await Promise.all(closed);
      // Keep-alive API connections would otherwise hold the listener open.
      http.closeAllConnections();
      await stopped;
      wss.close();
    })();
    return closing;
  };

  const address = http.address() as AddressInfo;
  return {
    host: config.host,
    port: address.port,
    appId: app.appId,
    key: app.key,
    secret: app.secret,
    connectionCount: () => connections.size,
    channelCount: () => registry.size,
    failPublishes: (rate, seed) => failures.set(rate, seed),
    injectedFailures: () => failures.injected(),
    close,
  };
}
