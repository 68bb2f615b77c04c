import "server-only";
// The one core every door shares (route handlers: lib/http/route.ts; server actions:
// lib/http/action.ts; admin pages: lib/admin/page.ts): the request id and start time, who asked,
// the mapping of anything thrown to { status, code }, one log line and the metrics per request,
// and delivering the realtime events the domain produced once it has committed.
import { randomUUID } from "node:crypto";
import { HTTP_STATUS, isDatabaseUnavailable, toWireError, AppError, type WireError } from "@/lib/errors";
import { log } from "@/lib/log";
import { metrics } from "@/lib/metrics";
import { deliver } from "@/lib/realtime/deliver";
import { drainAfterRequest } from "@/lib/realtime/drain-loop";
import type { WithEvents } from "@/lib/realtime/outbox";

/** What kind of door: names the log line's `event` and the metrics' route prefix. */
const KINDS = {
  http: { event: "http.request", error: "http.error", label: (name: string) => name, msg: "request" },
  action: { event: "action", error: "action.error", label: (name: string) => `action ${name}`, msg: "server action" },
  page: { event: "page.request", error: "page.error", label: (name: string) => `page ${name}`, msg: "admin page" },
} as const;
export type DoorKind = keyof typeof KINDS;

export type Failure = { status: number; error: WireError };

export function openDoor(kind: DoorKind, name: string, incomingId?: string | null) {
  const k = KINDS[kind];
  const requestId = incomingId?.slice(0, 64) || randomUUID();
  const started = performance.now();
  const pending: WithEvents<unknown>[] = [];
  let userId: number | null = null;
  const nameField = kind === "action" ? { action: name } : { route: name };

  return {
    requestId,
    setUser(id: number) {
      userId = id;
    },
    /** Queues a domain result's events for after the handler; hands back the result. */
    emit<T>(produced: WithEvents<T>): T {
      pending.push(produced);
      return produced.result;
    },
    /**
     * Publishes what was queued (the transactions have committed by now), then lets a short
     * drain of earlier leftovers run after the response. Never throws.
     */
    async deliver() {
      for (const produced of pending.splice(0)) await deliver(produced);
      drainAfterRequest();
    },
    /** Anything thrown as the client sees it; unexpected ones logged with their cause. */
    fail(error: unknown, aborted = false): Failure {
      const wire = toWireError(error);
      if (aborted) {
        // The client went away mid-request (a closed tab): nothing failed on our side.
        log.info({ event: "http.aborted", request_id: requestId, ...nameField }, "client aborted");
      } else if (!(error instanceof AppError)) {
        log.error(
          { event: k.error, request_id: requestId, ...nameField, unavailable: isDatabaseUnavailable(error), error: String(error) },
          `${kind} failed`,
        );
      }
      return { status: HTTP_STATUS[wire.code], error: wire };
    },
    /** The one log line and the metrics. `status` is the HTTP status, or an action's "ok"/error code. */
    finish(status: number | string, extra: { method?: string } = {}) {
      const ms = performance.now() - started;
      metrics.httpResponses.inc({ route: k.label(name), status: String(status) });
      metrics.httpDuration.observe({ route: k.label(name) }, ms / 1000);
      log.info({ event: k.event, request_id: requestId, ...extra, ...nameField, user_id: userId, status, duration_ms: Math.round(ms) }, k.msg);
    },
  };
}

export type Door = ReturnType<typeof openDoor>;
