// `npm run build` step before `next build`: a production build (NODE_ENV=production or VERCEL=1)
// without a DATABASE_URL, or with development-default secrets, fails here with the variables at
// fault instead of deploying an app that would refuse to start. Outside production it passes.
import { loadEnvConfig } from "@next/env";
import { describeProblems, productionProblems } from "@/lib/env-production";

// The .env files `next build` will read count too.
loadEnvConfig(process.cwd(), false);
const problems = productionProblems(process.env);
if (problems.length) {
  console.error(
    JSON.stringify({ level: "fatal", event: "config.refused", variables: problems.map((p) => p.variable), msg: describeProblems(problems) }),
  );
  process.exit(1);
}
