// A checksum of every table that holds chat state: row count and an md5 over the rows' text,
// per table. Two equal fingerprints mean no row was inserted, updated or deleted in between.
// rate_limit is left out on purpose: every attempt counts there, refused ones included.
import { db } from "@/lib/db";

const TABLES = [
  "users",
  "jobs",
  "chat_chatroom",
  "chat_chatparticipant",
  "chat_message",
  "chat_message_edit",
  "chat_message_hourly",
  "audit_log",
  "report",
  "user_suspension",
] as const;

// Raw SQL: a whole-row md5 per table is not something Prisma can express. Table names are constants.
const SQL = TABLES.map(
  (table) => `SELECT '${table}' AS name, count(*)::int AS rows, md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS sum FROM ${table} t`,
).join(" UNION ALL ");

export type Fingerprint = Record<(typeof TABLES)[number], string>;

export async function dbFingerprint(): Promise<Fingerprint> {
  const rows = await db.$queryRawUnsafe<Array<{ name: (typeof TABLES)[number]; rows: number; sum: string }>>(SQL);
  return Object.fromEntries(rows.map((r) => [r.name, `${r.rows}:${r.sum}`])) as Fingerprint;
}
