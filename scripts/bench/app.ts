// The application's own modules, loaded only after the environment points them at the bench
// database and realtime server: lib/db.ts reads DATABASE_URL and lib/realtime/pusher-server.ts
// the PUSHER_* settings when first used, so nothing from lib/ may be imported statically here.
import { pusherEnv, type RealtimeTarget } from "@/realtime-server";

export type { RealtimeTarget };

export function configureAppEnv(databaseUrl: string, realtime: RealtimeTarget): void {
  Object.assign(process.env, { DATABASE_URL: databaseUrl, ...pusherEnv(realtime), LOG_LEVEL: "warn" });
  delete process.env.PUSHER_CLUSTER;
}

export async function loadApp() {
  const [prisma, db, rooms, messages, search, send, authorize, channels, events, publish, metrics, env, pusherServer] = await Promise.all([
    import("@/lib/generated/prisma/client"),
    import("@/lib/db"),
    import("@/lib/chat/rooms"),
    import("@/lib/chat/messages"),
    import("@/lib/chat/search"),
    import("@/lib/chat/send"),
    import("@/lib/realtime/authorize"),
    import("@/lib/realtime/channels"),
    import("@/lib/wire/events"),
    import("@/lib/realtime/deliver"),
    import("@/lib/metrics"),
    import("@/lib/env"),
    import("@/lib/realtime/pusher-server"),
  ]);
  return {
    Prisma: prisma.Prisma,
    db: db.db,
    createPrismaClient: db.createPrismaClient,
    createQueryLoggingPrismaClient: db.createQueryLoggingPrismaClient,
    listRooms: rooms.listRooms,
    totalUnread: rooms.totalUnread,
    messagePageSql: messages.messagePageSql,
    searchMessages: search.searchMessages,
    searchPlans: search.searchPlans,
    sendMessage: send.sendMessage,
    authorizeChannel: authorize.authorizeChannel,
    roomChannel: channels.roomChannel,
    roomPresenceChannel: channels.roomPresenceChannel,
    userChannel: channels.userChannel,
    EVENTS: events.EVENTS,
    deliver: publish.deliver,
    metrics: metrics.metrics,
    /** Points the app's publisher at another HTTP API address (a counting proxy) from its next publish on. */
    publishTo(host: string, port: number) {
      Object.assign(process.env, { PUSHER_HOST: host, PUSHER_PORT: String(port) });
      env.resetEnvCache();
      pusherServer.resetPusherServer();
    },
  };
}

export type App = Awaited<ReturnType<typeof loadApp>>;
