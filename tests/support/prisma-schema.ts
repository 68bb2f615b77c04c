// A small reader of prisma/schema.prisma for the drift test: the tables, columns and index
// names Prisma would expect in PostgreSQL. It covers the syntax this project's schema uses.
import { readFileSync } from "node:fs";
import path from "node:path";

export type ExpectedColumn = { table: string; column: string; type: string; nullable: boolean };
export type ExpectedSchema = { tables: string[]; columns: ExpectedColumn[]; indexes: string[] };

const SCALARS: Record<string, string> = {
  Int: "integer",
  BigInt: "bigint",
  String: "text",
  Boolean: "boolean",
  Json: "jsonb",
  DateTime: "timestamp without time zone",
};
const NATIVE: Record<string, string> = {
  VarChar: "character varying",
  Uuid: "uuid",
  Timestamptz: "timestamp with time zone",
  Text: "text",
};

const mapName = (attrs: string) => /@map\("([^"]+)"\)/.exec(attrs)?.[1];

export function readPrismaSchema(file = path.join(process.cwd(), "prisma", "schema.prisma")): ExpectedSchema {
  const raw = readFileSync(file, "utf8");
  const source = raw.replace(/\/\/.*$/gm, "");
  const enums = [...source.matchAll(/enum\s+(\w+)\s*\{([^}]*)\}/g)].map((m) => ({
    name: m[1],
    dbName: /@@map\("([^"]+)"\)/.exec(m[2])?.[1] ?? m[1],
  }));
  // A model body ends at the first `}` outside a string literal (e.g. `@default("{}")`).
  const models = [...source.matchAll(/model\s+(\w+)\s*\{((?:[^{}"]|"[^"]*")*)\}/g)].map((m) => ({ name: m[1], body: m[2] }));
  const modelNames = new Set(models.map((m) => m.name));
  const result: ExpectedSchema = { tables: [], columns: [], indexes: [] };

  for (const model of models) {
    const table = /@@map\("([^"]+)"\)/.exec(model.body)?.[1] ?? model.name;
    result.tables.push(table);
    const columnOf = new Map<string, string>();
    const lines = model.body
      .split("\n")
      .map((l) => l.trim())
      .filter(Boolean);
    for (const line of lines.filter((l) => !l.startsWith("@@"))) {
      const [, name, type, modifier, attrs = ""] = /^(\w+)\s+(\w+)(\?|\[\])?\s*(.*)$/.exec(line) ?? [];
      if (!name || modifier === "[]" || modelNames.has(type)) continue;
      const column = mapName(attrs) ?? name;
      columnOf.set(name, column);
      const native = /@db\.(\w+)/.exec(attrs)?.[1];
      const enumType = enums.find((e) => e.name === type);
      const pgType = enumType ? `enum:${enumType.dbName}` : native ? NATIVE[native] : SCALARS[type];
      if (!pgType) throw new Error(`drift reader: unknown type ${type}${native ? ` @db.${native}` : ""}`);
      result.columns.push({ table, column, type: pgType, nullable: modifier === "?" });
      if (attrs.includes("@id")) result.indexes.push(`${table}_pkey`);
      const unique = /@unique(?:\(map:\s*"([^"]+)"\))?/.exec(attrs);
      if (unique) result.indexes.push(unique[1] ?? `${table}_${column}_key`);
    }
    if (lines.some((l) => l.startsWith("@@id"))) result.indexes.push(`${table}_pkey`);
    for (const line of lines.filter((l) => l.startsWith("@@index") || l.startsWith("@@unique"))) {
      const explicit = /map:\s*"([^"]+)"/.exec(line)?.[1];
      if (explicit) {
        result.indexes.push(explicit);
        continue;
      }
      const fields = (/\[([^\]]*)\]/.exec(line)?.[1] ?? "").split(",").map((f) => f.trim().replace(/\(.*\)$/, ""));
      const suffix = line.startsWith("@@unique") ? "key" : "idx";
      result.indexes.push(`${table}_${fields.map((f) => columnOf.get(f) ?? f).join("_")}_${suffix}`);
    }
  }
  // Indexes only a migration can create (expression indexes), declared in a comment.
  for (const m of raw.matchAll(/\/\/ raw index: (\w+)/g)) result.indexes.push(m[1]);
  return result;
}
