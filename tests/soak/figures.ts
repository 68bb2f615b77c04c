// The soak's figures, computed once from a run and printed for docs/RELIABILITY.md.
import { ROUTES } from "./app-server";
import type { SoakRun } from "./run";

export type ClientFigures = {
  userId: number;
  expected: number;
  held: number;
  liveDeliveries: number;
  missing: number;
  duplicated: number;
  extra: number;
  unreadWrong: number;
  reconnects: number;
  degraded: boolean;
};

export type Figures = ReturnType<typeof computeFigures>;

const count = <T>(items: T[], key: (item: T) => string | number) => {
  const counts: Record<string, number> = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return counts;
};

const phase = (run: SoakRun, at: number) => {
  const db = run.faults.find((f) => f.kind === "database");
  if (db && at >= db.downAt && at <= db.upAt) return "during the outage";
  if (db && at > db.upAt && at <= run.retriesDoneAt + 2000) return "in the recovery surge";
  return "otherwise";
};

function percentiles(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;
  return { p50: at(0.5), p90: at(0.9), p99: at(0.99), max: sorted.at(-1) ?? 0 };
}

export function computeFigures(run: SoakRun) {
  const { truth, snapshots } = run;
  const calls = snapshots.flatMap((s) => s.calls);
  const attempted = snapshots.flatMap((s) => s.attempted);
  const acknowledged = new Set(calls.filter((c) => c.status === 200 || c.status === 201).map((c) => c.clientId));
  const sends = run.served.filter((s) => s.method === "POST" && s.route === ROUTES.messages);
  const inOutage = sends.filter((s) => s.at - s.ms >= run.outage.from && s.at - s.ms < run.outage.to);
  const clients: ClientFigures[] = snapshots.map((s) => {
    let expected = 0;
    let held = 0;
    let missing = 0;
    let duplicated = 0;
    let extra = 0;
    let unreadWrong = 0;
    for (const room of run.rooms.filter((r) => r.members.includes(s.userId))) {
      const want = truth.messageIds.get(room.id) ?? [];
      const have = s.timelines[room.id] ?? [];
      const haveSet = new Set(have);
      const wantSet = new Set(want);
      expected += want.length;
      held += have.length;
      missing += want.filter((id) => !haveSet.has(id)).length;
      duplicated += have.length - haveSet.size;
      extra += [...haveSet].filter((id) => !wantSet.has(id)).length;
      if (s.unread[room.id] !== truth.unread(s.userId, room.id)) unreadWrong++;
    }
    return {
      userId: s.userId,
      expected,
      held,
      liveDeliveries: s.liveDeliveries,
      missing,
      duplicated,
      extra,
      unreadWrong,
      reconnects: s.connectedAt.length - 1,
      degraded: s.degradedSeen,
    };
  });
  const sum = (key: keyof ClientFigures) => clients.reduce((total, c) => total + Number(c[key]), 0);
  return {
    clients: run.config.clients,
    ratePerClient: run.config.rate,
    seconds: run.config.seconds,
    rooms: count(run.rooms, (r) => r.kind),
    faults: run.faults.map((f) => `${f.kind} down ${((f.upAt - f.downAt) / 1000).toFixed(1)} s`),
    attempted: attempted.length,
    acknowledged: acknowledged.size,
    stored: truth.messages.length,
    sendAnswers: count(calls, (c) => c.status),
    sendsDuringDbOutage: inOutage.length,
    sendAnswersDuringDbOutage: count(inOutage, (s) => s.status),
    slowestSendDuringDbOutageMs: Math.round(Math.max(0, ...inOutage.map((s) => s.ms))),
    shownFailed: count(
      snapshots.flatMap((s) => s.failedMarks),
      (f) => f.error ?? "",
    ),
    retriedAfterOutage: run.retriedAfterOutage,
    retryAnswers: count(
      calls.filter((c) => c.retry),
      (c) => c.status,
    ),
    getProbesDuringDbOutage: count(run.probes.during, (p) => p.status),
    slowestProbeDuringDbOutageMs: Math.max(0, ...run.probes.during.map((p) => p.ms)),
    getProbesAfterDbOutage: count(run.probes.after, (p) => p.status),
    httpAnswers: count(run.served, (s) => s.status),
    httpAnswersByPhase: count(
      run.served.filter((s) => s.status >= 500),
      (s) => `${s.status} ${phase(run, s.at)}`,
    ),
    /** As the tab saw it (including its wait for one of its 6 connections) and in the app. */
    sendLatencyMs: percentiles(calls.filter((c) => c.status === 201).map((c) => c.endedAt - c.startedAt)),
    appSendLatencyMs: percentiles(sends.filter((s) => s.status === 201).map((s) => Math.round(s.ms))),
    publishFailures: run.publishFailures,
    expectedDeliveries: sum("expected"),
    delivered: sum("held"),
    deliveredLive: sum("liveDeliveries"),
    missing: sum("missing"),
    duplicated: sum("duplicated") + sum("extra"),
    unreadCountsWrong: sum("unreadWrong"),
    reconnects: sum("reconnects"),
    /** Per realtime kill: seconds from the restart until the last tab was connected again. */
    reconnectedWithinS: run.faults
      .filter((f) => f.kind === "realtime")
      .map((f) => Math.max(...snapshots.map((s) => (s.connectedAt.find((t) => t >= f.upAt) ?? Number.NaN) - f.upAt)) / 1000),
    tabsDegraded: clients.filter((c) => c.degraded).length,
    settledMs: run.settledMs,
    convergedMs: run.convergedMs,
    converged: run.converged,
    appLoopDelayMs: run.loopDelayMs,
    perClient: clients,
  };
}

export function printFigures(f: Figures): void {
  const lines = [
    `soak: ${f.clients} clients x ${f.ratePerClient} msg/s x ${f.seconds} s; rooms ${JSON.stringify(f.rooms)}`,
    `faults injected: ${f.faults.join(", ")}`,
    `messages: attempted ${f.attempted}, acknowledged ${f.acknowledged}, stored ${f.stored}`,
    `send answers: ${JSON.stringify(f.sendAnswers)}`,
    `DB outage: ${f.sendsDuringDbOutage} sends reached the app while down ${JSON.stringify(f.sendAnswersDuringDbOutage)}, slowest ${f.slowestSendDuringDbOutageMs} ms; shown Failed ${JSON.stringify(f.shownFailed)}; retried ${f.retriedAfterOutage} -> ${JSON.stringify(f.retryAnswers)}`,
    `DB outage GETs: ${JSON.stringify(f.getProbesDuringDbOutage)} (slowest ${f.slowestProbeDuringDbOutageMs} ms), right after restart ${JSON.stringify(f.getProbesAfterDbOutage)}`,
    `all HTTP answers: ${JSON.stringify(f.httpAnswers)}; 5xx by phase ${JSON.stringify(f.httpAnswersByPhase)}; failed publishes ${f.publishFailures}`,
    `send latency (201) in the tab: p50 ${f.sendLatencyMs.p50} ms, p90 ${f.sendLatencyMs.p90} ms, p99 ${f.sendLatencyMs.p99} ms, max ${f.sendLatencyMs.max} ms; in the app: p50 ${f.appSendLatencyMs.p50} ms, p90 ${f.appSendLatencyMs.p90} ms, p99 ${f.appSendLatencyMs.p99} ms, max ${f.appSendLatencyMs.max} ms`,
    `deliveries: expected ${f.expectedDeliveries}, in stores ${f.delivered} (live over WebSocket ${f.deliveredLive}), missing ${f.missing}, duplicated ${f.duplicated}; unread counts wrong ${f.unreadCountsWrong}`,
    `reconnects ${f.reconnects} (every tab back within ${f.reconnectedWithinS.map((s) => `${s.toFixed(1)} s`).join(" / ")} of each restart), tabs that went degraded (REST polling) ${f.tabsDegraded}, all answered and resubscribed ${(f.settledMs / 1000).toFixed(1)} s after sending stopped, stores ${f.converged ? "matched" : "did NOT match"} the database ${(f.convergedMs / 1000).toFixed(1)} s later`,
    `app event-loop delay while sending: p50 ${f.appLoopDelayMs.p50.toFixed(0)} ms, p99 ${f.appLoopDelayMs.p99.toFixed(0)} ms, max ${f.appLoopDelayMs.max.toFixed(0)} ms`,
    "per client (user: delivered/expected, live, missing, duplicated):",
    f.perClient
      .map((c) => `  ${c.userId}: ${c.held}/${c.expected}, live ${c.liveDeliveries}, missing ${c.missing}, dup ${c.duplicated + c.extra}`)
      .join("\n"),
  ];
  console.log(lines.join("\n"));
}
