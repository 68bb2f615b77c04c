// The console summary printed at the end of a run.
import type { BenchResult } from "./result";

export function renderSummary(r: BenchResult): string {
  const lines = [
    "",
    `bench (${r.mode}) ${r.date}: ${r.dataset.messages.toLocaleString("en")} messages, ${r.duration_s} s`,
    r.mode === "smoke" ? "  targets are for the full size; the smoke run checks correctness only" : "  targets:",
    ...r.targets.map((t) => `  ${t.met ? "✔" : "✘"} ${t.name.padEnd(40)} ${String(t.actual ?? "–").padStart(10)}  target ${t.target}`),
  ];
  const page = r.message_page;
  if (page) {
    lines.push("  page p50 by depth (cursor / OFFSET / no index, ms):");
    page.depths.forEach((depth, i) => {
      lines.push(`    ${String(depth).padStart(9)}: ${page.cursor_p50_ms[i]} / ${page.offset_p50_ms[i]} / ${page.no_index_p50_ms[i]}`);
    });
  }
  const firstPage = r.room_list?.first_page_ms_by_rooms;
  if (firstPage) {
    lines.push(
      `  room list first page p50 by rooms (ms): ${Object.entries(firstPage)
        .map(([rooms, ms]) => `${rooms}: ${ms}`)
        .join(", ")}`,
    );
  }
  const http = r.send_http;
  if (http) {
    lines.push(
      `  sends over HTTP: ${http.concurrency} users, ${http.sends_per_s}/s, p50 ${http.p50_ms} ms, p99 ${http.p99_ms} ms, ${http.failed} failed`,
    );
    if (http.cpu_ms_per_send) {
      lines.push(`    CPU per send (ms): ${JSON.stringify(http.cpu_ms_per_send)}; the cores alone could carry ${http.cpu_bound_sends_per_s}/s`);
    }
  }
  if (r.failures.length) lines.push("FAILED:", ...r.failures.map((f) => `  - ${f}`));
  return lines.join("\n");
}
