import { defineConfig } from "prisma/config";

// Only the CLI reads this file (generate; migrate deploy on a connected deployment).
// The app and tests connect through @prisma/adapter-pg in lib/db.ts.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/unused" },
});
