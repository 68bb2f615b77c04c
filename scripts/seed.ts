// npm run db:seed: demo users, jobs and rooms. Idempotent: every row is found by its natural
// key before it is created, and a room's messages are generated only while it has none.
import { seedDemoData } from "@/prisma/seed-data";
import { withDatabase } from "./db/dev-database";
import { env } from "@/lib/env";

if (env().NODE_ENV === "production" && !env().SEED_DEMO) {
  console.log(JSON.stringify({ msg: "seed skipped: NODE_ENV=production without SEED_DEMO=1" }));
} else {
  withDatabase(async (url) => {
    const summary = await seedDemoData(url);
    console.log(JSON.stringify({ msg: "seeded", ...summary }));
  }).catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
