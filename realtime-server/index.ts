export type { RealtimeServer, RealtimeServerOptions } from "./server";
export { startRealtimeServer } from "./server";
