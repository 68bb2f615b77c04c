// The bulk load of chat_message: its secondary indexes and foreign keys are dropped first and
// recreated afterwards from the definitions PostgreSQL holds for them (created by our
// migrations, so names and definitions stay exactly those of prisma/migrations). Building an
// index once over sorted data is far cheaper than updating five of them row by row.
import type pg from "pg";
import { messagesSliceSql } from "./dataset-sql";
import type { Progress } from "./progress";

const SLICES = 20;

type Definition = { name: string; def: string };

async function secondaryIndexes(client: pg.Client): Promise<Definition[]> {
  const { rows } = await client.query<Definition>(`
    SELECT c.relname AS name, pg_get_indexdef(i.indexrelid) AS def
    FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
    WHERE i.indrelid = 'chat_message'::regclass AND NOT i.indisprimary
      AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)
    ORDER BY c.relname`);
  return rows;
}

async function foreignKeys(client: pg.Client): Promise<Definition[]> {
  const { rows } = await client.query<Definition>(`
    SELECT conname AS name, pg_get_constraintdef(oid) AS def FROM pg_constraint
    WHERE conrelid = 'chat_message'::regclass AND contype = 'f' ORDER BY conname`);
  return rows;
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

export async function loadMessagesWithoutSecondaryIndexes(client: pg.Client, messages: number, progress: Progress): Promise<void> {
  const indexes = await secondaryIndexes(client);
  const keys = await foreignKeys(client);
  for (const key of keys) await client.query(`ALTER TABLE chat_message DROP CONSTRAINT ${quote(key.name)}`);
  for (const index of indexes) await client.query(`DROP INDEX ${quote(index.name)}`);

  const sliceSize = Math.ceil(messages / SLICES);
  const load = progress.task("dataset: messages", messages);
  for (let from = 0; from < messages; from += sliceSize) {
    const to = Math.min(messages, from + sliceSize);
    await client.query(messagesSliceSql(from, to));
    load.tick(to - from);
  }
  load.done();

  const restore = progress.task("dataset: indexes and foreign keys", indexes.length + keys.length);
  for (const index of indexes) {
    restore.step(index.name);
    await client.query(index.def);
    restore.tick();
  }
  for (const key of keys) {
    restore.step(key.name);
    await client.query(`ALTER TABLE chat_message ADD CONSTRAINT ${quote(key.name)} ${key.def}`);
    restore.tick();
  }
  restore.done();

  const after = [...(await secondaryIndexes(client)), ...(await foreignKeys(client))];
  const before = [...indexes, ...keys];
  if (JSON.stringify(after) !== JSON.stringify(before)) throw new Error("chat_message indexes differ after the bulk load");
}
