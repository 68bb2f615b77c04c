// Production refuses development defaults: which settings must be real values before the app,
// `npm start`, the migration runner or the build may run. Framework-free and given the
// environment as an argument, so lib/env.ts, instrumentation.ts and the scripts share it.

export type EnvSource = Readonly<Record<string, string | undefined>>;

export type ConfigProblem = {
  variable: string;
  reason: "missing" | "known_default" | "too_short" | "development_only";
};

export const NEXTAUTH_SECRET_MIN_BYTES = 32;

/**
 * Values that are public knowledge: Soketi's default app (also what the embedded realtime server
 * used to default to), and placeholders people copy from examples and docs. tests pin that every
 * value .env.example gives a checked variable is in here.
 */
const KNOWN_DEFAULTS = new Set(
  [
    "app-id",
    "app-key",
    "app-secret",
    "secret",
    "changeme",
    "change-me",
    "change_me",
    "replace-me",
    "your-secret",
    "your-secret-here",
    "your-app-id",
    "your-app-key",
    "your-app-secret",
    "test-secret-not-for-production",
    // MinIO's and s3rver's built-in credentials.
    "minioadmin",
    "s3rver",
  ].map((value) => value.toLowerCase()),
);

const SECRET_VARIABLES = ["PUSHER_APP_ID", "PUSHER_KEY", "PUSHER_SECRET", "NEXTAUTH_SECRET"] as const;

/** Production is a production Node process or any Vercel environment. */
export function isProductionEnv(source: EnvSource): boolean {
  return source.NODE_ENV === "production" || source.VERCEL === "1";
}

export function isKnownDefault(value: string): boolean {
  return KNOWN_DEFAULTS.has(value.trim().toLowerCase());
}

function secretProblem(variable: (typeof SECRET_VARIABLES)[number], value: string | undefined): ConfigProblem | null {
  // Whitespace alone is as good as nothing (a stray space after `=` in a .env file).
  if (value === undefined || value.trim() === "") return { variable, reason: "missing" };
  if (isKnownDefault(value)) return { variable, reason: "known_default" };
  // The signing key is bytes: a CJK or emoji secret counts by its UTF-8 length.
  if (variable === "NEXTAUTH_SECRET" && Buffer.byteLength(value, "utf8") < NEXTAUTH_SECRET_MIN_BYTES) {
    return { variable, reason: "too_short" };
  }
  return null;
}

/** The realtime credentials and session secret production needs, whatever NODE_ENV says. */
export function secretProblems(source: EnvSource): ConfigProblem[] {
  return SECRET_VARIABLES.map((name) => secretProblem(name, source[name])).filter((p) => p !== null);
}

export function databaseProblems(source: EnvSource): ConfigProblem[] {
  const url = source.DATABASE_URL;
  return url === undefined || url.trim() === "" ? [{ variable: "DATABASE_URL", reason: "missing" }] : [];
}

/**
 * Off Vercel, which client address per-IP limits count depends on the proxies in front of the app
 * (lib/http/client-ip.ts), which only the deployment knows: production must say so, even if 0.
 */
export function proxyProblems(source: EnvSource): ConfigProblem[] {
  if (source.VERCEL === "1") return [];
  const hops = source.TRUSTED_PROXY_HOPS;
  return hops === undefined || hops.trim() === "" ? [{ variable: "TRUSTED_PROXY_HOPS", reason: "missing" }] : [];
}

/**
 * On Vercel no process outlives a request, so what a failed publish leaves in the outbox is
 * drained by Vercel Cron calling /api/cron/outbox, which answers only to this secret. Elsewhere
 * the server drains continuously and the route is optional.
 */
export function cronProblems(source: EnvSource): ConfigProblem[] {
  if (source.VERCEL !== "1") return [];
  const secret = source.CRON_SECRET;
  if (secret === undefined || secret.trim() === "") return [{ variable: "CRON_SECRET", reason: "missing" }];
  return isKnownDefault(secret) ? [{ variable: "CRON_SECRET", reason: "known_default" }] : [];
}

/**
 * The marketplace's server sets who is on a job (POST /api/jobs/{id}/assignment) with this
 * bearer token: production must have a real one, at least as long as the session secret (bytes).
 */
export function marketplaceProblems(source: EnvSource): ConfigProblem[] {
  const variable = "MARKETPLACE_API_TOKEN";
  const token = source[variable];
  if (token === undefined || token.trim() === "") return [{ variable, reason: "missing" }];
  if (isKnownDefault(token)) return [{ variable, reason: "known_default" }];
  return Buffer.byteLength(token, "utf8") < NEXTAUTH_SECRET_MIN_BYTES ? [{ variable, reason: "too_short" }] : [];
}

const blank = (value: string | undefined) => value === undefined || value.trim() === "";

/**
 * Photos and files: a Vercel function's disk does not outlive it, so there the local-disk
 * driver cannot work and S3-compatible storage is required. Elsewhere local disk is allowed (one
 * server with a persistent disk), but a configured bucket needs its credentials, and never the
 * well-known ones of MinIO or s3rver.
 */
export function storageProblems(source: EnvSource): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  if (source.VERCEL === "1" && blank(source.S3_BUCKET)) problems.push({ variable: "S3_BUCKET", reason: "missing" });
  if (source.VERCEL !== "1" && blank(source.S3_BUCKET)) return problems;
  for (const variable of ["S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY"] as const) {
    const value = source[variable];
    if (value === undefined || blank(value)) problems.push({ variable, reason: "missing" });
    else if (isKnownDefault(value)) problems.push({ variable, reason: "known_default" });
  }
  return problems;
}

const isSet = (value: string | undefined) => value !== undefined && value.trim() !== "";

/** Mail goes out over SMTP (lib/mail/): production needs a server and a From address. */
export function mailProblems(source: EnvSource): ConfigProblem[] {
  return (["SMTP_URL", "MAIL_FROM"] as const).filter((variable) => !isSet(source[variable])).map((variable) => ({ variable, reason: "missing" }));
}

/**
 * Web Push needs the deployment's own VAPID identity (a generated key pair is per checkout and
 * would change subscriptions' signer), and never lets push endpoints reach private addresses.
 */
export function pushProblems(source: EnvSource): ConfigProblem[] {
  const problems: ConfigProblem[] = (["VAPID_PUBLIC_KEY", "VAPID_PRIVATE_KEY", "VAPID_SUBJECT"] as const)
    .filter((name) => !isSet(source[name]))
    .map((variable) => ({ variable, reason: "missing" }));
  const allow = source.PUSH_ALLOW_PRIVATE_ENDPOINTS?.trim().toLowerCase();
  if (allow === "1" || allow === "true") problems.push({ variable: "PUSH_ALLOW_PRIVATE_ENDPOINTS", reason: "development_only" });
  return problems;
}

/** Everything wrong for a production start; empty outside production. */
export function productionProblems(source: EnvSource): ConfigProblem[] {
  return isProductionEnv(source)
    ? [
        ...databaseProblems(source),
        ...secretProblems(source),
        ...proxyProblems(source),
        ...cronProblems(source),
        ...marketplaceProblems(source),
        ...storageProblems(source),
        ...mailProblems(source),
        ...pushProblems(source),
      ]
    : [];
}

const REASON_TEXT: Record<ConfigProblem["reason"], string> = {
  missing: "is not set (or is empty)",
  known_default: "is a publicly known default or placeholder",
  too_short: `is shorter than ${NEXTAUTH_SECRET_MIN_BYTES} bytes`,
  development_only: "is for tests and local development only",
};

/** One line naming each variable at fault and why; never a value. */
export function describeProblems(problems: readonly ConfigProblem[]): string {
  const list = problems.map((p) => `${p.variable} ${REASON_TEXT[p.reason]}`).join("; ");
  return `Refusing to run in production (NODE_ENV=production or VERCEL=1) on development defaults: ${list}. See docs/DEPLOY.md.`;
}
