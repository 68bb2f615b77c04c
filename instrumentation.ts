// Runs once as the Next server boots (`next start`, each Vercel instance): production refuses to
// start on development defaults (lib/env-production.ts), before it serves a single request.
import { productionConfigProblems } from "@/lib/env";
import { describeProblems } from "@/lib/env-production";

export function register(): void {
  const problems = productionConfigProblems();
  if (!problems.length) return;
  const message = describeProblems(problems);
  console.error(JSON.stringify({ level: "fatal", event: "config.refused", variables: problems.map((p) => p.variable), msg: message }));
  throw new Error(message);
}
