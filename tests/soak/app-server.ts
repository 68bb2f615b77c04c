// The app's REST doors served over real HTTP without `next build`: a node:http listener that
// turns each request into a NextRequest and calls the exported route handler, as Next does.
// Import it only after the environment points at the soak's database and realtime server.
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { NextRequest } from "next/server";

// Each handler declares its own params ({ roomId } or none); `never` lets one table hold them all.
type Handler = (request: NextRequest, context: { params: Promise<never> }) => Promise<Response>;
type RouteModule = Partial<Record<"GET" | "POST", Handler>>;
type Route = { name: string; pattern: RegExp; module: RouteModule };

/** One answer: when it was sent (epoch ms) and how long the app took over it. */
export type Served = { method: string; route: string; status: number; at: number; ms: number };

export const ROUTES = {
  rooms: "/api/chat/rooms",
  room: "/api/chat/rooms/{id}",
  unread: "/api/chat/unread",
  messages: "/api/chat/rooms/{id}/messages",
  read: "/api/chat/rooms/{id}/read",
  channelAuth: "/api/pusher/auth",
  realtimeConfig: "/api/realtime/config",
} as const;

export type AppServer = {
  origin: string;
  /** Every answer, in order (the soak counts statuses from it). */
  served: Served[];
  /** Requests whose handler threw past the route wrapper (there should be none). */
  crashes: string[];
  close(): Promise<void>;
};

async function routes(): Promise<Route[]> {
  return [
    { name: ROUTES.rooms, pattern: /^\/api\/chat\/rooms$/, module: await import("@/app/api/chat/rooms/route") },
    { name: ROUTES.room, pattern: /^\/api\/chat\/rooms\/(?<roomId>[^/]+)$/, module: await import("@/app/api/chat/rooms/[roomId]/route") },
    { name: ROUTES.unread, pattern: /^\/api\/chat\/unread$/, module: await import("@/app/api/chat/unread/route") },
    {
      name: ROUTES.messages,
      pattern: /^\/api\/chat\/rooms\/(?<roomId>[^/]+)\/messages$/,
      module: await import("@/app/api/chat/rooms/[roomId]/messages/route"),
    },
    { name: ROUTES.read, pattern: /^\/api\/chat\/rooms\/(?<roomId>[^/]+)\/read$/, module: await import("@/app/api/chat/rooms/[roomId]/read/route") },
    { name: ROUTES.channelAuth, pattern: /^\/api\/pusher\/auth$/, module: await import("@/app/api/pusher/auth/route") },
    { name: ROUTES.realtimeConfig, pattern: /^\/api\/realtime\/config$/, module: await import("@/app/api/realtime/config/route") },
  ];
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function toNextRequest(req: IncomingMessage, origin: string, body: Buffer): NextRequest {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    else if (value !== undefined) headers.set(name, value);
  }
  const method = req.method ?? "GET";
  const hasBody = method !== "GET" && method !== "HEAD";
  return new NextRequest(new URL(req.url ?? "/", origin), { method, headers, body: hasBody ? new Uint8Array(body) : undefined });
}

export async function startAppServer(): Promise<AppServer> {
  const table = await routes();
  const served: Served[] = [];
  const crashes: string[] = [];
  let origin = "";

  const server = createServer((req, res) => {
    const started = performance.now();
    const path = (req.url ?? "/").split("?")[0];
    const method = req.method ?? "GET";
    const route = table.find((r) => r.pattern.test(path));
    const handler = route?.module[method as "GET" | "POST"];
    const answer = async (): Promise<{ status: number; headers: Headers; body: Buffer }> => {
      if (!route || !handler)
        return {
          status: 404,
          headers: new Headers({ "content-type": "application/json" }),
          body: Buffer.from('{"error":{"code":"not_found","message":"Not found"}}'),
        };
      // The pattern's named groups are exactly the params of the route it matched.
      const params = Promise.resolve(route.pattern.exec(path)?.groups ?? {}) as Promise<never>;
      const response = await handler(toNextRequest(req, origin, await readBody(req)), { params });
      return { status: response.status, headers: response.headers, body: Buffer.from(await response.arrayBuffer()) };
    };
    answer().then(
      ({ status, headers, body }) => {
        served.push({ method, route: route?.name ?? path, status, at: Date.now(), ms: performance.now() - started });
        res.writeHead(status, Object.fromEntries(headers));
        res.end(body);
      },
      (error: unknown) => {
        crashes.push(`${method} ${path}: ${String(error)}`);
        served.push({ method, route: route?.name ?? path, status: 500, at: Date.now(), ms: performance.now() - started });
        res.writeHead(500, { "content-type": "text/plain" });
        res.end("adapter: handler threw");
      },
    );
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    served,
    crashes,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
