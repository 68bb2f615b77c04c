// npm run bench:export: memory while GET /api/admin/rooms/{id}/export streams a room, by room
// size: the demo seed's 5,000-message lounge, and rooms of 1,000 and 20,000 messages made
// set-based beside it, each as JSON and CSV. The route handler runs in this process with an
// admin's real session cookie, and the body is read chunk by chunk as a client would, keeping
// nothing; heap and RSS are sampled on every chunk. The heap's peak includes garbage the
// collector has not got to yet (it grows with the work done, not with what is kept), so the live
// heap is also sampled: after a full collection at each chunk. Flat means the live peak does not
// grow with the room. Needs --expose-gc (the npm script passes it). Merged into
// bench/results/latest.json as `export_memory`; `npm run bench -- --report` renders it.
import { randomBytes } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { migrate } from "@/scripts/db/migrate-runner";
import { openBenchServer, withClient } from "./database";
import { type BenchResult, evaluateTargets } from "./result";

process.env.NEXTAUTH_SECRET ??= randomBytes(32).toString("base64url");
process.env.LOG_LEVEL ??= "silent";
const DATABASE = "jobchat_bench_export";
const MB = 1024 * 1024;
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});

const LATEST = "bench/results/latest.json";

type Run = {
  room: string;
  messages: number;
  format: "json" | "csv";
  bytes: number;
  ms: number;
  peak_heap_mb: number;
  peak_live_mb: number;
  peak_rss_mb: number;
};
export type ExportMemoryResult = { date: string; runs: Run[]; live_heap_ratio: number; output_ratio: number };
const round = (v: number) => Math.round(v * 100) / 100;

async function makeRoom(url: string, name: string, count: number, senderId: number): Promise<number> {
  return withClient(url, async (client) => {
    const { rows } = await client.query<{ id: number }>("INSERT INTO chat_chatroom (name, kind) VALUES ($1, 'GROUP') RETURNING id", [name]);
    const roomId = rows[0].id;
    await client.query("INSERT INTO chat_chatparticipant (room_id, user_id) VALUES ($1, $2)", [roomId, senderId]);
    // About 100 bytes a message, in several scripts, as a dispute's room might hold.
    await client.query(
      `INSERT INTO chat_message (room_id, sender_id, content, client_id, timestamp)
       SELECT $1, $2, 'Message ' || n || ': the oven, the windows and the key ✨ 鍵はポストに · المفتاح في الصندوق',
         gen_random_uuid(), now() - make_interval(secs => $3 - n)
       FROM generate_series(1, $3::int) n`,
      [roomId, senderId, count],
    );
    return roomId;
  });
}

async function main() {
  const server = await openBenchServer(process.env.DATABASE_URL);
  try {
    await server.recreate(DATABASE);
    const url = server.urlFor(DATABASE);
    process.env.DATABASE_URL = url;
    await migrate(url);
    // The app's modules read DATABASE_URL when first loaded: only now.
    const { BIG_ROOM_NAME, seedDemoData } = await import("@/prisma/seed-data");
    await seedDemoData(url);
    const { db } = await import("@/lib/db");
    const { NextRequest } = await import("next/server");
    const { encode } = await import("next-auth/jwt");
    const { GET } = await import("@/app/api/admin/rooms/[roomId]/export/route");

    const admin = await db.user.findFirstOrThrow({ where: { role: "ADMIN" } });
    const lounge = await db.chatRoom.findFirstOrThrow({ where: { name: BIG_ROOM_NAME } });
    const rooms = [
      { room: "1,000 messages", id: await makeRoom(url, "Export 1k", 1_000, admin.id) },
      { room: `${BIG_ROOM_NAME} (demo seed)`, id: lounge.id },
      { room: "20,000 messages", id: await makeRoom(url, "Export 20k", 20_000, admin.id) },
    ];
    const token = await encode({
      token: { uid: admin.id, username: admin.username, role: "ADMIN", name: admin.username },
      secret: process.env.NEXTAUTH_SECRET ?? "",
    });
    const cookie = `next-auth.session-token=${token}`;

    const rows: Run[] = [];
    for (const { room, id } of rooms) {
      const messages = await db.message.count({ where: { roomId: id } });
      for (const format of ["json", "csv"] as const) {
        gc();
        const base = process.memoryUsage();
        let peakHeap = base.heapUsed;
        let peakRss = base.rss;
        let peakLive = base.heapUsed;
        const started = performance.now();
        const request = new NextRequest(`http://localhost:3000/api/admin/rooms/${id}/export?format=${format}`, { headers: { cookie } });
        const response = await GET(request, { params: Promise.resolve({ roomId: String(id) }) });
        if (response.status !== 200 || !response.body) throw new Error(`export answered ${response.status}`);
        const reader = response.body.getReader();
        let bytes = 0;
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          bytes += value.byteLength;
          const now = process.memoryUsage();
          peakHeap = Math.max(peakHeap, now.heapUsed);
          peakRss = Math.max(peakRss, now.rss);
          gc();
          peakLive = Math.max(peakLive, process.memoryUsage().heapUsed);
        }
        rows.push({
          room,
          messages,
          format,
          bytes,
          ms: Math.round(performance.now() - started),
          peak_heap_mb: round((peakHeap - base.heapUsed) / MB),
          peak_live_mb: round((peakLive - base.heapUsed) / MB),
          peak_rss_mb: round((peakRss - base.rss) / MB),
        });
      }
    }
    await db.$disconnect();
    for (const r of rows) {
      console.log(
        `${r.room} | ${r.messages} | ${r.format} | ${(r.bytes / MB).toFixed(1)} MB | ${r.ms} ms | heap ${r.peak_heap_mb} MB | live ${r.peak_live_mb} MB | RSS ${r.peak_rss_mb} MB`,
      );
    }
    const small = rows.filter((r) => r.messages <= 1_000);
    const large = rows.filter((r) => r.messages >= 20_000);
    // Under 1 MB the live peak is noise: compare against at least 1 MB.
    const live = (list: Run[]) => Math.max(1, ...list.map((r) => r.peak_live_mb));
    const result: ExportMemoryResult = {
      date: new Date().toISOString(),
      runs: rows,
      live_heap_ratio: round(live(large) / live(small)),
      output_ratio: Math.round(large[0].bytes / small[0].bytes),
    };
    console.log(`peak live heap, 20,000 / 1,000 messages: ${result.live_heap_ratio}x for ${result.output_ratio}x the output`);
    const merged: BenchResult = { ...(JSON.parse(readFileSync(LATEST, "utf8")) as BenchResult), export_memory: result };
    merged.targets = evaluateTargets(merged);
    writeFileSync(LATEST, `${JSON.stringify(merged, null, 2)}\n`);
    console.log(`wrote ${LATEST}`);
  } finally {
    await server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
