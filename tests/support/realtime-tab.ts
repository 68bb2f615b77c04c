// One signed-in browser tab, in-process: the real client store, realtime bindings and termination
// recovery on a real pusher-js connected to the real embedded server. Its auth requests go to
// our real /api/pusher routes, and the store's REST reads (rest.ts uses the global fetch) are
// answered by the real route handlers with this user's session cookie, as the browser's would be.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { NextRequest } from "next/server";
import PusherJs from "pusher-js";
import { vi } from "vitest";
import { testSocketOptions } from "@/tests/support/pusher-clients";
import { GET as messagesRoute } from "@/app/api/chat/rooms/[roomId]/messages/route";
import { GET as roomsRoute } from "@/app/api/chat/rooms/route";
import { GET as unreadRoute } from "@/app/api/chat/unread/route";
import { POST as channelAuthRoute } from "@/app/api/pusher/auth/route";
import { POST as userAuthRoute } from "@/app/api/pusher/user-auth/route";
import { watchConnection } from "@/lib/chat/client/connection-watch";
import { bindRoomChannel, bindUserChannel } from "@/lib/chat/client/realtime-bindings";
import { type ChatStore, createChatStore } from "@/lib/chat/client/store";
import { CHANNEL_AUTH_ENDPOINT, USER_AUTH_ENDPOINT } from "@/lib/realtime/browser-client";
import { reconnectAfterTermination } from "@/lib/realtime/termination-recovery";
import { BASE, type Caller, request, sessionCookie } from "@/tests/support/http";

type User = NonNullable<Caller> & { name?: string };
type Realtime = { host: string; port: number; key: string };

const authRoutes: Record<string, typeof channelAuthRoute> = { "/api/pusher/auth": channelAuthRoute, "/api/pusher/user-auth": userAuthRoute };

/**
 * Our two auth routes over real HTTP, so pusher-js uses its own ajax transport (form body, and a
 * refusal surfaces with its HTTP status, as in the browser). The node XHR pusher-js bundles may
 * not send cookies, so the session token travels as `Authorization: Bearer`, which the app accepts.
 */
export async function startAuthServer(): Promise<{ origin: string; close(): Promise<void> }> {
  const server = createServer(async (req, res) => {
    const path = (req.url ?? "/").split("?")[0];
    const route = authRoutes[path];
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    if (!route || req.method !== "POST") {
      res.writeHead(404).end();
      return;
    }
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) if (typeof value === "string") headers.set(name, value);
    const request = new NextRequest(new URL(path, BASE), { method: "POST", headers, body: Buffer.concat(chunks) });
    const response = await route(request, { params: Promise.resolve({}) });
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(Buffer.from(await response.arrayBuffer()));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** pusher-js configured like lib/realtime/browser-client.ts, signed in as `user`. */
export async function realtimeClient(user: User, rt: Realtime, authOrigin: string): Promise<PusherJs> {
  const token = (await sessionCookie(user)).split("=").slice(1).join("=");
  const headers = { authorization: `Bearer ${token}` };
  const client = new PusherJs(rt.key, {
    ...testSocketOptions(rt),
    channelAuthorization: { endpoint: `${authOrigin}${CHANNEL_AUTH_ENDPOINT}`, transport: "ajax", headers },
    userAuthentication: { endpoint: `${authOrigin}${USER_AUTH_ENDPOINT}`, transport: "ajax", headers },
  });
  client.signin();
  return client;
}

export type Tab = { client: PusherJs; store: ChatStore; close(): void };

const routes: Array<{ pattern: RegExp; handler: typeof roomsRoute | typeof messagesRoute; params: (m: RegExpExecArray) => object }> = [
  { pattern: /^\/api\/chat\/rooms$/, handler: roomsRoute, params: () => ({}) },
  { pattern: /^\/api\/chat\/unread$/, handler: unreadRoute, params: () => ({}) },
  { pattern: /^\/api\/chat\/rooms\/(\d+)\/messages$/, handler: messagesRoute, params: (m) => ({ roomId: m[1] }) },
];

/** Opens a tab for `user` with `roomIds` open; the global fetch is this tab's until `close()`. */
export async function openTab(user: User, rt: Realtime, authOrigin: string, roomIds: number[]): Promise<Tab> {
  vi.stubGlobal("fetch", async (input: string) => {
    const url = new URL(input, BASE);
    for (const route of routes) {
      const match = route.pattern.exec(url.pathname);
      if (!match) continue;
      const handler = route.handler as (req: unknown, ctx: { params: Promise<object> }) => Promise<Response>;
      return handler(await request(user, "GET", `${url.pathname}${url.search}`), { params: Promise.resolve(route.params(match)) });
    }
    return new Response(null, { status: 404 });
  });
  const client = await realtimeClient(user, rt, authOrigin);
  const store = createChatStore({
    me: { id: user.id, username: user.username, name: user.name ?? user.username },
    rooms: [],
    roomsCursor: null,
    unreadTotal: 0,
  });
  // Wired as lib/realtime/browser-client.ts and hooks/use-realtime-connection.ts wire them.
  const cleanups = [
    reconnectAfterTermination(client),
    watchConnection(store, client),
    bindUserChannel(store, client),
    ...roomIds.map((id) => bindRoomChannel(store, client, id)),
  ];
  return {
    client,
    store,
    close() {
      for (const cleanup of cleanups) cleanup();
      client.disconnect();
      vi.unstubAllGlobals();
    },
  };
}
