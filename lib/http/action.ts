import "server-only";
// The server-action door: every action checks the session itself (an action is a public
// endpoint), validates its input, and returns a typed result instead of throwing. Logging,
// metrics, error mapping and delivering realtime events after commit are the shared door core's
// (lib/http/door.ts), as for route handlers.
import type { z } from "zod";
import { assertNotSuspended, requireUser } from "@/lib/auth/session";
import type { SessionUser } from "@/lib/auth/credentials";
import type { ActionResult } from "@/lib/errors";
import { type Door, openDoor } from "@/lib/http/door";
import { parseWith } from "@/lib/http/parse";

export async function runAction<S extends z.ZodType, T>(
  name: string,
  schema: S,
  input: unknown,
  body: (user: SessionUser, input: z.infer<S>, emit: Door["emit"]) => Promise<T>,
  options: { authorize?: () => Promise<SessionUser> } = {},
): Promise<ActionResult<T>> {
  const door = openDoor("action", name);
  let result: ActionResult<T>;
  try {
    const user = await (options.authorize ?? requireUser)();
    door.setUser(user.id);
    assertNotSuspended(user, "write");
    result = { ok: true, data: await body(user, parseWith(schema, input), door.emit) };
  } catch (error) {
    result = { ok: false, error: door.fail(error).error };
  }
  await door.deliver();
  door.finish(result.ok ? "ok" : result.error.code);
  return result;
}
