// Runs `prisma generate` offline. The CLI insists on a schema-engine binary even though
// generate never executes it; when none is installed we point it at a stub, so a
// connected machine that has the real engine keeps using it.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";

const env = { ...process.env, CHECKPOINT_DISABLE: "1", PRISMA_HIDE_UPDATE_MESSAGE: "1" };
const enginesDir = join(process.cwd(), "node_modules", "@prisma", "engines");
const hasEngine = existsSync(enginesDir) && readdirSync(enginesDir).some((f) => f.startsWith("schema-engine"));
if (!env.PRISMA_SCHEMA_ENGINE_BINARY && !hasEngine) env.PRISMA_SCHEMA_ENGINE_BINARY = "/bin/false";

const bin = join(process.cwd(), "node_modules", "prisma", "build", "index.js");
const result = spawnSync(process.execPath, [bin, "generate"], { stdio: "inherit", env });
process.exit(result.status ?? 1);
