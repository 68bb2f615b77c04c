// npm run bench [-- --smoke]: builds or reuses the dataset, measures the room list, message
// pages, unread totals, typing, sends (in-process, then over HTTP on `next start`), delivery and (full runs) the room page's JavaScript and
// Lighthouse score, and writes bench/results/latest.json and
// docs/BENCHMARKS.md (smoke: bench/results/smoke.json only). Exits non-zero when a
// correctness check fails; timings are reported against the targets, never asserted.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { configureAppEnv, loadApp } from "./app";
import { parseArgs } from "./args";
import { measureRoomPage } from "./bundle";
import { benchConfig } from "./config";
import { openBenchServer } from "./database";
import { prepareDataset } from "./dataset";
import { benchDelivery } from "./delivery";
import { benchFanout } from "./fanout";
import { describeMachine } from "./machine";
import { benchOutbox } from "./outbox";
import { benchMessagePages } from "./message-pages";
import { Progress } from "./progress";
import { type BenchResult, correctnessFailures, evaluateTargets, type Sections } from "./result";
import { renderSummary } from "./summary";
import { benchRoomList } from "./room-list";
import { writeReport } from "./report";
import { benchSendHttp } from "./send-http";
import { benchSends } from "./sends";
import { startRealtimeChild } from "@/scripts/realtime-child";
import { benchTyping } from "./typing";
import { benchSearch } from "./search";
import { benchUnread } from "./unread";

const LATEST = "bench/results/latest.json";
// Well above the 10/s a browser is allowed, so 1,000 typing events take seconds, not minutes.
const BENCH_CLIENT_EVENTS_PER_SECOND = 10_000;

function writeJson(file: string, value: unknown): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

async function run(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  if (args.reportOnly) {
    // Targets are derived from the sections: re-evaluated, so a section merged by hand or by
    // `npm run bench:bundle` is judged by today's table.
    const result = JSON.parse(readFileSync(LATEST, "utf8")) as BenchResult;
    result.targets = evaluateTargets(result);
    writeJson(LATEST, result);
    const written = [LATEST, ...writeReport(result)];
    console.log(`wrote ${written.join(", ")}`);
    return 0;
  }
  const config = benchConfig(args);
  const progress = new Progress();
  const started = performance.now();
  const configuredUrl = process.env.DATABASE_URL;
  const server = await openBenchServer(configuredUrl);
  // A child process, as production runs the realtime server as a service of its own.
  const realtime = await startRealtimeChild({
    appId: "app-id",
    key: "app-key",
    secret: "app-secret",
    clientEventsPerSecond: BENCH_CLIENT_EVENTS_PER_SECOND,
  });
  try {
    const { url, info } = await prepareDataset(server, config.database, config.dataset, { rebuild: args.rebuild, progress });
    configureAppEnv(url, realtime);
    const app = await loadApp();
    const machine = await describeMachine(url);

    const sections: Partial<Sections> = {};
    const failures: string[] = [];
    const section = async <K extends keyof Sections>(name: K, measure: () => Promise<Sections[K]>) => {
      if (args.only && !args.only.includes(name)) return;
      try {
        sections[name] = await measure();
      } catch (error) {
        failures.push(`${name}: ${message(error)}`);
        progress.note(`✘ ${name}: ${message(error)}`);
      }
    };
    await section("room_list", () => benchRoomList(app, url, config, info, progress));
    await section("message_page", () => benchMessagePages(app, url, config, info, progress));
    await section("unread", () => benchUnread(app, url, config, info, progress));
    await section("search", () => benchSearch(app, url, config, info, progress));
    // Before the sends, so no write of theirs can still be on its way into the statistics.
    await section("typing", () => benchTyping(app, url, realtime, config, progress));
    await section("send", () => benchSends(app, url, config, info, progress));
    await section("outbox", () => benchOutbox(app, url, realtime, config, progress));
    await section("fanout", () => benchFanout(app, url, realtime, config, progress));
    await app.db.$disconnect();
    // Through the production build over HTTP: `next start` and its own realtime server.
    await section("send_http", () => benchSendHttp(url, config, progress));
    await section("delivery", () => benchDelivery(config, progress));
    // The full run only: it needs the production build and takes a minute of Lighthouse.
    if (config.mode === "full" && (!args.only || args.only.includes("bundle"))) {
      await section("bundle", async () => (await measureRoomPage({ lighthouse: true, log: (line) => progress.note(line) })).result);
    }

    const result: BenchResult = {
      date: new Date().toISOString(),
      mode: config.mode,
      duration_s: Math.round((performance.now() - started) / 100) / 10,
      machine,
      dataset: info,
      // --only: the run the file holds stays what it was (its date and machine head the report);
      // the sections measured now replace theirs, each stating its own time and load.
      ...(args.only && existsSync(config.output) ? (JSON.parse(readFileSync(config.output, "utf8")) as BenchResult) : {}),
      ...sections,
      targets: [],
      failures,
    };
    result.targets = evaluateTargets(result);
    result.failures = [...failures, ...correctnessFailures(result)];
    writeJson(config.output, result);
    const written = [config.output, ...(config.mode === "full" ? writeReport(result) : [])];
    console.log(renderSummary(result));
    console.log(`wrote ${written.join(", ")}`);
    return result.failures.length ? 1 : 0;
  } finally {
    await realtime.stop();
    await server.stop();
  }
}

// `npm run bench` runs this with --conditions=react-server, as Next resolves server code, so the
// server-only modules it measures load. Exit explicitly: a pool or socket left open by a failed
// section must not keep the run alive.
run(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
