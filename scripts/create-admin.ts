// npm run admin:create -- --email ops@example.com [--name "Ops"] [--username ops] [--password …]
// Promotes (and reactivates) the account with that email to ADMIN, or creates it. Without
// --password a new account gets a generated one, printed once. Uses DATABASE_URL, or the
// embedded development database when it is unset.
import { parseArgs } from "node:util";
import { createPrismaClient } from "@/lib/db";
import { ensureAdmin, ensureAdminSchema } from "@/lib/admin/promote";
import { withDatabase } from "./db/dev-database";

const USAGE = "usage: npm run admin:create -- --email <email> [--name <name>] [--username <username>] [--password <password>]";

async function main() {
  const { values } = parseArgs({
    options: { email: { type: "string" }, name: { type: "string" }, username: { type: "string" }, password: { type: "string" } },
    strict: true,
  });
  const parsed = ensureAdminSchema.safeParse(values);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    console.error(`admin:create: ${issue?.path.join(".") || "input"}: ${issue?.message}\n${USAGE}`);
    process.exit(2);
  }
  await withDatabase(async (url) => {
    const client = createPrismaClient(url);
    try {
      const result = await ensureAdmin(client, parsed.data);
      console.log(
        JSON.stringify({
          msg: result.created ? "admin created" : "admin promoted",
          id: result.user.id,
          username: result.user.username,
          email: result.user.email,
          ...(result.generatedPassword ? { password: result.generatedPassword, note: "shown once; change it after signing in" } : {}),
        }),
      );
    } finally {
      await client.$disconnect();
    }
  });
}

main().catch((error: unknown) => {
  console.error(`admin:create failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
