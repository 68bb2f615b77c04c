// The hostile-input vocabulary shared by the route and server-action fuzz tests: garbage and
// extreme numbers, unicode and lone surrogates, nulls, arrays, nested objects, prototype-
// pollution keys, SQL- and HTML-looking strings, and 2 MB strings.
import fc from "fast-check";

/** A fixed seed keeps every run identical (green stays green); FUZZ_SEED explores others. */
export const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 20261125);

export const TWO_MB = "x".repeat(2 * 1024 * 1024);

export const hostileNumber: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(
    Number.NaN,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    -0,
    0,
    -1,
    0.5,
    1.5,
    2 ** 31 - 1,
    2 ** 31,
    2 ** 32,
    Number.MAX_SAFE_INTEGER,
    Number.MAX_SAFE_INTEGER + 2,
    -(2 ** 53),
    2 ** 63,
    1e308,
    Number.MAX_VALUE,
    Number.MIN_VALUE,
  ),
  fc.integer(),
  fc.double(),
  fc.maxSafeInteger(),
);

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.string(), weight: 4 },
  { arbitrary: fc.string({ unit: "grapheme", maxLength: 50 }), weight: 2 },
  // Any code point, lone surrogates included.
  { arbitrary: fc.string({ unit: "binary", maxLength: 20 }), weight: 2 },
  {
    arbitrary: fc.constantFrom(
      "",
      " ",
      "0",
      "-1",
      "-0",
      "+1",
      "01",
      " 1",
      "1e309",
      "1e-7",
      "NaN",
      "Infinity",
      "9".repeat(40),
      "0x1f",
      "1.5",
      "١٢٣",
      "2147483647",
      "2147483648",
      "4294967296",
      "9007199254740991",
      "9007199254740993",
      "null",
      "undefined",
      "true",
      "[]",
      "{}",
      "' OR 1=1 --",
      "'; DROP TABLE chat_message; --",
      "1; DELETE FROM users",
      "\\'",
      '"',
      "$1",
      "%s%s%s",
      "<script>alert(1)</script>",
      "<img src=x onerror=alert(1)>",
      "javascript:alert(1)",
      "{{7*7}}",
      "$" + "{7*7}",
      "__proto__",
      "constructor",
      "prototype",
      "%00",
      "\u0000",
      "../../etc/passwd",
      "\ud800",
      "\udfff",
      "a\ud800b",
      "\u202e",
      "\u200b",
      "\ufeff",
      "𝕏",
      "presence-room-2147483648",
      "presence-room-1",
      "private-user-1",
      "private-encrypted-user-1",
      "🙂".repeat(3000),
      "x".repeat(4001),
      "x".repeat(64 * 1024 + 1),
    ),
    weight: 4,
  },
  { arbitrary: fc.constant(TWO_MB), weight: 1 },
);

/** Strings that fit in a URL: Node refuses a request line and headers over 16 KB before any handler runs. */
export const hostileUrlString: fc.Arbitrary<string> = hostileString.filter((s) => s.length <= 8 * 1024);

/** Ids as text at the edges of every integer type a database or JavaScript has. */
export const hostileIdText: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    "0",
    "1",
    "-1",
    "2147483647",
    "2147483648",
    "4294967295",
    "4294967296",
    "9007199254740991",
    "9007199254740992",
    "9223372036854775807",
    "9223372036854775808",
    "99999999999999999999",
  ),
  fc.integer({ min: 1 }).map(String),
  fc.bigInt({ min: 1n, max: 10n ** 20n }).map(String),
);

/** Pagination cursors: base64url of "<time>|<id>" with hostile parts, and garbage. */
export const hostileCursor: fc.Arbitrary<string> = fc.oneof(
  fc
    .tuple(
      fc.oneof(
        fc.constantFrom(
          "-271821-04-20T00:00:00.000Z",
          "+275760-09-13T00:00:00.000Z",
          "0000-01-01T00:00:00Z",
          "1969-12-31T23:59:59Z",
          "9999-12-31T23:59:59.999Z",
          "not a date",
          "",
        ),
        fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
      ),
      fc.oneof(hostileIdText, hostileUrlString),
    )
    .map(([time, id]) => Buffer.from(`${time}|${id}`).toString("base64url")),
  fc.base64String(),
  hostileUrlString,
);

/** Objects carrying prototype-pollution keys as own properties, as JSON.parse makes them. */
const pollution = fc.constantFrom(
  JSON.parse('{"__proto__":{"role":"ADMIN","isAdmin":true,"polluted":"yes"}}'),
  JSON.parse('{"constructor":{"prototype":{"polluted":"yes"}}}'),
  JSON.parse('{"__proto__":{"__proto__":{"polluted":"yes"}},"kind":"GROUP","name":"p"}'),
) as fc.Arbitrary<unknown>;

const key = fc.oneof(
  hostileString,
  fc.constantFrom("__proto__", "constructor", "prototype", "content", "client_id", "up_to_id", "room_id", "kind", "user_id", "message_id", "role"),
);

/** Anything JSON can carry (a request body). */
export const hostileJson: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small" },
    hostileString,
    hostileNumber,
    fc.bigInt().map(String),
    fc.boolean(),
    fc.constant(null),
    pollution,
    fc.array(tie("value"), { maxLength: 3 }),
    fc.dictionary(key, tie("value"), { maxKeys: 4 }),
  ),
})).value;

/** Anything React's action transport can deliver as an argument: JSON plus undefined, bigint, Date, Map, Set, bytes, FormData. */
export const hostileValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small" },
    hostileString,
    hostileNumber,
    fc.bigInt(),
    fc.boolean(),
    fc.constantFrom(null, undefined),
    fc.date({ noInvalidDate: false }),
    pollution,
    fc.uint8Array({ maxLength: 8 }),
    fc.array(tie("value"), { maxLength: 3 }),
    fc.dictionary(key, tie("value"), { maxKeys: 4 }),
    fc.array(fc.tuple(key, tie("value")), { maxLength: 3 }).map((entries) => new Map(entries)),
    fc.array(tie("value"), { maxLength: 3 }).map((items) => new Set(items)),
    hostileForm(key),
  ),
})).value;

/** A FormData with these (or hostile) field names and hostile text or file values. */
export function hostileForm(names: fc.Arbitrary<string>, values: fc.Arbitrary<string> = hostileString): fc.Arbitrary<FormData> {
  const value = fc.oneof({ arbitrary: values, weight: 5 }, { arbitrary: fc.constant(null), weight: 1 });
  return fc.array(fc.tuple(names, value), { maxLength: 4 }).map((entries) => {
    const form = new FormData();
    for (const [name, v] of entries) {
      if (v === null) form.append(name, new Blob(["not text"]), "file.txt");
      else form.append(name, v);
    }
    return form;
  });
}

/** Header values a client can send (HTTP allows visible ASCII and spaces). */
export const hostileHeader: fc.Arbitrary<string> = fc.oneof(
  fc.stringMatching(/^[\x20-\x7e]{0,40}$/),
  fc.constantFrom("", "unknown", "1.2.3.4, 5.6.7.8", "::1", "' OR 1=1 --", "9".repeat(300), "a".repeat(8000)),
);

/** A short label for a value in failure messages (a 2 MB string would drown the report). */
export function label(value: unknown): string {
  try {
    const text = JSON.stringify(value, (_k, v) => (typeof v === "bigint" ? `${v}n` : v instanceof FormData ? Object.fromEntries(v) : v));
    return (text ?? String(value)).slice(0, 300);
  } catch {
    return String(value).slice(0, 300);
  }
}

/**
 * fc.assert parameters: a fixed seed per property, a time cap, and a failure report that cuts
 * the counterexample short (fast-check's own would print 2 MB strings in full).
 */
export function fuzzParameters<Ts>(seedOffset: number, numRuns: number): fc.Parameters<Ts> {
  return {
    numRuns,
    seed: FUZZ_SEED + seedOffset,
    interruptAfterTimeLimit: 25_000,
    reporter(details) {
      if (!details.failed) return;
      const error = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
      throw new Error(
        `Property failed after ${details.numRuns} runs (seed ${details.seed}, path "${details.counterexamplePath}"):\n${error.slice(0, 2000)}\nCounterexample: ${label(details.counterexample)}`,
      );
    },
  };
}

/** The promise's value, or "hung" when it takes longer than `ms` (the fuzz reports a hang). */
export function within<T>(promise: Promise<T>, ms: number): Promise<T | "hung"> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<"hung">((resolve) => {
    timer = setTimeout(() => resolve("hung"), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Tallies outcomes per target, for the figures the fuzz tests print. */
export class FuzzTally {
  total = 0;
  private readonly outcomes = new Map<string, number>();
  private readonly perTarget = new Map<string, Map<string, number>>();

  add(target: string, outcome: string | number) {
    this.total += 1;
    const key = String(outcome);
    this.outcomes.set(key, (this.outcomes.get(key) ?? 0) + 1);
    const row = this.perTarget.get(target) ?? new Map<string, number>();
    row.set(key, (row.get(key) ?? 0) + 1);
    this.perTarget.set(target, row);
  }

  count(predicate: (outcome: string) => boolean): number {
    let n = 0;
    for (const [k, v] of this.outcomes) if (predicate(k)) n += v;
    return n;
  }

  outcomeTable(): Record<string, number> {
    return Object.fromEntries([...this.outcomes].sort(([a], [b]) => a.localeCompare(b)));
  }

  targetTable(): Record<string, Record<string, number>> {
    return Object.fromEntries([...this.perTarget].map(([t, row]) => [t, Object.fromEntries([...row].sort(([a], [b]) => a.localeCompare(b)))]));
  }
}
