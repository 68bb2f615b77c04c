// The app's settings from process.env: parsed once, typed everywhere else. (Scripts that run
// before the app, such as scripts/run.ts and the realtime server's CLI, read their own few.)
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { type ConfigProblem, describeProblems, productionProblems } from "@/lib/env-production";

const optional = z.string().optional();
const flag = z
  .enum(["1", "0", "true", "false"])
  .optional()
  .transform((v) => v === "1" || v === "true");

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: optional,
  NEXTAUTH_SECRET: optional,
  NEXTAUTH_URL: optional,
  PUSHER_APP_ID: z.string().default("app-id"),
  PUSHER_KEY: z.string().default("app-key"),
  PUSHER_SECRET: z.string().default("app-secret"),
  PUSHER_CLUSTER: optional,
  PUSHER_HOST: optional,
  PUSHER_PORT: z.coerce.number().int().positive().optional(),
  PUSHER_USE_TLS: flag,
  // What the browser connects to when it differs from what the server publishes to.
  PUSHER_WS_HOST: optional,
  PUSHER_WS_PORT: z.coerce.number().int().positive().optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  METRICS_TOKEN: optional,
  GITHUB_ID: optional,
  GITHUB_SECRET: optional,
  GOOGLE_ID: optional,
  GOOGLE_SECRET: optional,
  SEED_DEMO: flag,
  RATE_LIMIT_SEND_MAX: z.coerce.number().int().positive().default(20),
  RATE_LIMIT_SEND_WINDOW: z.coerce.number().int().positive().default(10),
  RATE_LIMIT_SIGNIN_MAX: z.coerce.number().int().positive().default(10),
  RATE_LIMIT_SIGNIN_WINDOW: z.coerce.number().int().positive().default(900),
  // Sign-in failures per client IP, and whose address that is (lib/http/client-ip.ts): Vercel's
  // own header when VERCEL=1, else the X-Forwarded-For entry added by the outermost trusted proxy.
  RATE_LIMIT_SIGNIN_IP_MAX: z.coerce.number().int().positive().default(100),
  VERCEL: flag,
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(20).default(0),
  RATE_LIMIT_CHANNEL_AUTH_MAX: z.coerce.number().int().positive().default(120),
  RATE_LIMIT_CHANNEL_AUTH_WINDOW: z.coerce.number().int().positive().default(60),
  // Bearer secret of GET /api/cron/outbox (Vercel Cron sends it); required on Vercel.
  CRON_SECRET: optional,
  // Bearer token of POST /api/jobs/{id}/assignment (the marketplace's server); required in production.
  MARKETPLACE_API_TOKEN: optional,
  // The marketplace's page of a job, "{id}" standing for its id; unset: this app's own /jobs/{id}.
  JOB_URL_TEMPLATE: z
    .url({ protocol: /^https?$/ })
    .refine((v) => v.includes("{id}"), "must contain {id}")
    .optional(),
  // How often a long-lived server drains the realtime outbox (ms); 0 turns the loop off.
  OUTBOX_DRAIN_INTERVAL_MS: z.coerce.number().int().min(0).default(500),
  // Photos and files (lib/storage): S3_BUCKET chooses S3-compatible storage; unset, local disk
  // under UPLOADS_DIR (.data/uploads). Required on Vercel (lib/env-production.ts).
  UPLOADS_DIR: optional,
  S3_BUCKET: optional,
  S3_REGION: z.string().default("us-east-1"),
  S3_ENDPOINT: z.url().optional(),
  S3_ACCESS_KEY_ID: optional,
  S3_SECRET_ACCESS_KEY: optional,
  S3_FORCE_PATH_STYLE: flag,
  RATE_LIMIT_UPLOAD_MAX: z.coerce.number().int().positive().default(30),
  RATE_LIMIT_UPLOAD_WINDOW: z.coerce.number().int().positive().default(60),
  // Outgoing mail (lib/mail/): an smtp:// or smtps:// URL and the From address; both required in
  // production. Unset locally: scripts/run.ts starts a mail catcher and sets them.
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, "an smtp:// or smtps:// URL")
    .optional(),
  MAIL_FROM: optional,
  // When set, every user's unread email delay (minutes, fractions allowed) instead of their own
  // setting (users.notify_email_delay_minutes): for a deployment-wide policy, and for tests.
  NOTIFY_EMAIL_DELAY_MINUTES: z.coerce.number().min(0).max(10_080).optional(),
  // How often a long-lived server sends the due unread emails (ms); 0 turns the loop off.
  NOTIFY_DIGEST_INTERVAL_MS: z.coerce.number().int().min(0).default(60_000),
  RATE_LIMIT_RESET_MAX: z.coerce.number().int().positive().default(5),
  RATE_LIMIT_RESET_IP_MAX: z.coerce.number().int().positive().default(30),
  RATE_LIMIT_RESET_WINDOW: z.coerce.number().int().positive().default(3600),
  // Web Push (lib/notify/vapid.ts): the VAPID key pair (base64url, as web-push generates it) and
  // the contact the push services see (mailto: or https:). Required in production.
  VAPID_PUBLIC_KEY: z
    .string()
    .regex(/^[A-Za-z0-9_-]{80,100}$/)
    .optional(),
  VAPID_PRIVATE_KEY: z
    .string()
    .regex(/^[A-Za-z0-9_-]{40,50}$/)
    .optional(),
  VAPID_SUBJECT: z
    .string()
    .regex(/^(mailto:|https:\/\/)\S+$/)
    .optional(),
  // Tests and local experiments only: push endpoints may be http and on private addresses. Production refuses it.
  PUSH_ALLOW_PRIVATE_ENDPOINTS: flag,
  /** 1: a suspended person keeps read access to their rooms (GET doors and pages); unset: no access until it ends. */
  SUSPENDED_READ_ACCESS: flag,
  // Anyone may find and message anyone (lib/safety/reach.ts); unset: only people who share a job
  // or a room, and admins. Blocks apply either way.
  CHAT_OPEN_MESSAGING: flag,
  // Mask phone numbers and email addresses between a job's client and cleaner until the job is
  // booked (lib/safety/contact-mask.ts); admins still see the original.
  CHAT_MASK_CONTACTS: flag,
  // Deleted messages' content, edit history and files are purged this many days after deletion
  // (GET /api/cron/cleanup), leaving the tombstone.
  RETENTION_DELETED_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
});

export type Env = z.infer<typeof schema>;

let cached: Env | undefined;

// An empty value (as in a copied .env.example) means unset.
const setValues = () => Object.fromEntries(Object.entries(process.env).filter(([, value]) => value !== ""));

/** What production refuses in this environment: empty outside production and while `next build` runs. */
export function productionConfigProblems(): ConfigProblem[] {
  const source = setValues();
  return source.NEXT_PHASE === "phase-production-build" ? [] : productionProblems(source);
}

/** Vercel reports a refused start through GET /api/health rather than an exit (instrumentation.ts). */
export const onVercel = (): boolean => process.env.VERCEL === "1";

/**
 * Variables set to a value the schema refuses (RATE_LIMIT_SEND_MAX=abc, LOG_LEVEL=loud), by name
 * and never by value. Checked once at boot (instrumentation.ts, scripts/run.ts), so a typo fails
 * the start rather than the first request.
 */
export function invalidVariables(source: Record<string, string | undefined> = setValues()): string[] {
  const set = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== "" && value !== undefined));
  const result = schema.safeParse(set);
  return result.success ? [] : [...new Set(result.error.issues.map((issue) => String(issue.path[0] ?? "environment")))];
}

export const describeInvalid = (variables: readonly string[]) =>
  `Refusing to start: ${variables.map((v) => `${v} has an invalid value`).join("; ")}. See .env.example.`;

export function env(): Env {
  if (cached) return cached;
  const problems = productionConfigProblems();
  if (problems.length) throw new AppError("unavailable", describeProblems(problems));
  const invalid = invalidVariables();
  if (invalid.length) throw new AppError("unavailable", describeInvalid(invalid));
  cached = schema.parse(setValues());
  return cached;
}

/** Tests and scripts that change process.env after start call this to re-read it. */
export function resetEnvCache(): void {
  cached = undefined;
}

export function databaseUrl(): string {
  const url = env().DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set (npm run dev / npm start set it for the embedded database)");
  return url;
}
