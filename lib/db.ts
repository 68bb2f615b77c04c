import "server-only";
// The one Prisma client (cached on globalThis outside production so hot reload reuses it).
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";

// `next build` imports this module without a database; the placeholder only fails if queried.
const UNSET_URL = "postgresql://127.0.0.1:1/DATABASE_URL_not_set";

const options = (url: string) => ({
  adapter: new PrismaPg({
    connectionString: url,
    max: 10,
    // When PostgreSQL stops, each connection gets an 'error' event. A new connection can get it
    // between pg-pool handing it out and the adapter listening (it awaits the checkout before it
    // subscribes), and an 'error' event with no listener ends the process: seen once while
    // PostgreSQL stopped under load. The failure still reaches whoever uses the connection next
    // (its query fails and the pool drops it); this listener only keeps the process alive.
    onConnect: (client) => void client.on("error", () => {}),
  }),
  omit: { user: { passwordHash: true } },
});

export function createPrismaClient(url = env().DATABASE_URL ?? UNSET_URL) {
  return new PrismaClient(options(url));
}

/** A client that emits every SQL statement as a `query` event (tests and benchmarks count them). */
export function createQueryLoggingPrismaClient(url: string) {
  return new PrismaClient({ ...options(url), log: [{ emit: "event", level: "query" }] });
}

export type Db = ReturnType<typeof createPrismaClient>;

const globalForDb = globalThis as unknown as { prisma?: Db };

export const db: Db = globalForDb.prisma ?? createPrismaClient();
if (process.env.NODE_ENV !== "production") globalForDb.prisma = db;
