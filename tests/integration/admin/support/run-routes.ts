// Runs route handlers in a separate Node process so their log lines (pino on stdout, exactly as
// in production) can be read by the logging test. Input: a JSON list of calls in argv[2].
// Output: the log lines on stdout, then one `RESULTS <json>` line on stderr.
// Run with `--conditions=react-server` so `server-only` resolves as it does in Next's server build.
import path from "node:path";
import { call, request, type Caller } from "@/tests/support/http";

type Spec = { route: string; method: string; path: string; params: Record<string, string | string[]>; caller: Caller; json?: unknown };

async function main() {
  const specs = JSON.parse(process.argv[2] ?? "[]") as Spec[];
  const results: Array<{ status: number }> = [];
  for (const spec of specs) {
    const mod = (await import(path.join(process.cwd(), "app", "api", spec.route, "route.ts"))) as Record<string, Parameters<typeof call>[0]>;
    const res = await call(mod[spec.method], await request(spec.caller, spec.method, spec.path, { json: spec.json }), spec.params);
    results.push({ status: res.status });
  }
  process.stderr.write(`RESULTS ${JSON.stringify(results)}\n`);
  process.exit(0);
}

void main();
