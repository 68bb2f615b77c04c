// npm run db:migrate: applies pending migrations to DATABASE_URL, or to the embedded
// development database when DATABASE_URL is unset.
import { migrate } from "./db/migrate-runner";
import { withDatabase } from "./db/dev-database";
import { AppError } from "@/lib/errors";

withDatabase(async (url) => {
  const { applied, alreadyApplied } = await migrate(url);
  console.log(JSON.stringify({ msg: "migrations", applied, already_applied: alreadyApplied.length }));
}).catch((error) => {
  console.error(error instanceof AppError ? JSON.stringify({ level: "fatal", msg: error.message }) : error);
  process.exit(1);
});
