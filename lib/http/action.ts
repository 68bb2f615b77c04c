// The server-action door: every action checks the session itself (an action is a public
// endpoint), validates its input, and returns a typed result instead of throwing.
import { randomUUID } from "node:crypto";
import type { z } from "zod";
import { requireUser } from "@/lib/auth/session";
import type { SessionUser } from "@/lib/auth/credentials";
import { AppError, toWireError, type ActionResult } from "@/lib/errors";
import { log } from "@/lib/log";
import { metrics } from "@/lib/metrics";

export async function runAction<S extends z.ZodType, T>(
  name: string,
  schema: S,
  input: unknown,
  body: (user: SessionUser, input: z.infer<S>) => Promise<T>,
  options: { authorize?: () => Promise<SessionUser> } = {},
): Promise<ActionResult<T>> {
  const started = performance.now();
  const requestId = randomUUID();
  let userId: number | null = null;
  let result: ActionResult<T>;
  try {
    const user = await (options.authorize ?? requireUser)();
    userId = user.id;
    const parsed = schema.safeParse(input);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new AppError("invalid_input", `${issue?.path.join(".") || "input"}: ${issue?.message ?? "invalid"}`);
    }
    result = { ok: true, data: await body(user, parsed.data) };
  } catch (error) {
    result = { ok: false, error: toWireError(error) };
    if (!(error instanceof AppError)) log.error({ event: "action.error", request_id: requestId, action: name, error: String(error) }, "action failed");
  }
  const status = result.ok ? "ok" : result.error.code;
  metrics.httpResponses.inc({ route: `action ${name}`, status });
  log.info(
    { event: "action", request_id: requestId, action: name, user_id: userId, status, duration_ms: Math.round(performance.now() - started) },
    "server action",
  );
  return result;
}
