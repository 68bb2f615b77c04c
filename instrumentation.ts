// Runs once as the Next server boots: production refuses to start on development defaults
// (lib/env-production.ts). `next start` exits non-zero before serving anything. A Vercel
// instance cannot exit meaningfully, so there every route that reads env() fails instead and
// GET /api/health answers 503 naming the variables at fault.
import { onVercel, productionConfigProblems } from "@/lib/env";
import { describeProblems } from "@/lib/env-production";

export function register(): void {
  const problems = productionConfigProblems();
  if (!problems.length) return;
  const message = describeProblems(problems);
  console.error(JSON.stringify({ level: "fatal", event: "config.refused", variables: problems.map((p) => p.variable), msg: message }));
  // Throwing here would not stop `next start`: it logs the error and answers every request 500.
  if (!onVercel()) process.exit(1);
}
