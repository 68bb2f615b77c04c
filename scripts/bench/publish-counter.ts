// Counts the publish calls that reach a realtime server: a pass-through proxy in front of its
// HTTP API that the app's publisher is pointed at (WebSocket clients connect to the server
// itself). Each trigger (`/events`) or batch (`/batch_events`) is one call; the channels each
// carried are kept so a caller can check that every member was reached. Tests use it to drop one
// call (answered 200 and never forwarded) to make a client miss an event.
import { createServer, request as httpRequest, Agent, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";

export type PublishCall = { path: string; events: Array<{ name: string; channels: string[] }> };

export type PublishCounter = {
  host: string;
  port: number;
  /** Publish calls forwarded (or dropped) so far. */
  calls(): PublishCall[];
  /** The next publish call that `match` accepts is answered 200 without reaching the server. */
  dropNext(match: (call: PublishCall) => boolean): void;
  close(): Promise<void>;
};

type Body = { name?: string; channel?: string; channels?: string[]; batch?: Array<{ name: string; channel: string }> };

function publishCallOf(path: string, raw: Buffer): PublishCall | null {
  if (!/\/(batch_)?events$/.test(path)) return null;
  let body: Body = {};
  try {
    body = JSON.parse(raw.toString()) as Body;
  } catch {
    return { path, events: [] };
  }
  if (body.batch) return { path, events: body.batch.map((e) => ({ name: e.name, channels: [e.channel] })) };
  return { path, events: [{ name: body.name ?? "", channels: body.channels ?? (body.channel ? [body.channel] : []) }] };
}

async function read(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export async function startPublishCounter(target: { host: string; port: number }): Promise<PublishCounter> {
  const seen: PublishCall[] = [];
  let drop: ((call: PublishCall) => boolean) | null = null;
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  const server = createServer(async (req, res) => {
    const body = await read(req);
    const path = (req.url ?? "/").split("?")[0];
    const call = publishCallOf(path, body);
    if (call) {
      seen.push(call);
      if (drop?.(call)) {
        drop = null;
        res.writeHead(200, { "content-type": "application/json" }).end("{}");
        return;
      }
    }
    const upstream = httpRequest(
      { host: target.host, port: target.port, method: req.method, path: req.url, headers: req.headers, agent },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on("error", () => res.writeHead(502).end());
    upstream.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    host: "127.0.0.1",
    port: (server.address() as AddressInfo).port,
    calls: () => seen,
    dropNext(match) {
      drop = match;
    },
    close: () =>
      new Promise<void>((resolve) => {
        agent.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
