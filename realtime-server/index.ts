export { type Credentials, DEFAULT_CREDENTIALS, randomCredentials } from "./credentials";
export type { RealtimeServer, RealtimeServerOptions } from "./server";
export { startRealtimeServer, UnsafeBindError } from "./server";
export { pusherEnv, type RealtimeTarget } from "./app-env";
