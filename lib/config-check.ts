// The boot check instrumentation.ts runs on the Node server: production refuses to start on
// development defaults (lib/env-production.ts), and any mode on a value the environment schema
// refuses (lib/env.ts). `next start` exits non-zero before serving anything. A Vercel instance
// cannot exit meaningfully, so there every route that reads env() fails instead and
// GET /api/health answers 503 naming the variables at fault.
import { describeInvalid, invalidVariables, onVercel, productionConfigProblems } from "@/lib/env";
import { describeProblems } from "@/lib/env-production";

function refuse(event: string, variables: string[], message: string): void {
  console.error(JSON.stringify({ level: "fatal", event, variables, msg: message }));
  // Throwing here would not stop `next start`: it logs the error and answers every request 500.
  if (!onVercel()) process.exit(1);
}

export function checkConfigAtBoot(): void {
  const problems = productionConfigProblems();
  if (problems.length) {
    refuse(
      "config.refused",
      problems.map((p) => p.variable),
      describeProblems(problems),
    );
    return;
  }
  // The whole environment schema, not only production's secrets: a value it refuses fails the
  // boot, naming the variable, instead of the first request that reads it.
  const invalid = process.env.NEXT_PHASE === "phase-production-build" ? [] : invalidVariables();
  if (invalid.length) refuse("config.invalid", invalid, describeInvalid(invalid));
}
