// Structured logs: one JSON line per event (pino). Message content is never passed here.
import pino from "pino";
import { env } from "@/lib/env";

const globalForLog = globalThis as unknown as { log?: pino.Logger };

function createLogger(): pino.Logger {
  const e = env();
  // pino-pretty is a dev dependency, used only when developing and never in production.
  const pretty = e.NODE_ENV === "development" && process.env.LOG_PRETTY !== "0";
  return pino({
    level: e.LOG_LEVEL,
    base: { service: "jobchat" },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: ["content", "*.content", "password", "*.password"], remove: true },
    ...(pretty ? { transport: { target: "pino-pretty", options: { singleLine: true } } } : {}),
  });
}

export const log: pino.Logger = globalForLog.log ?? createLogger();
if (process.env.NODE_ENV !== "production") globalForLog.log = log;
