"use server";
// The unsubscribe page's button: no session, the signed token from the email is the authority.
import type { ActionResult } from "@/lib/errors";
import { toWireError } from "@/lib/errors";
import { parseWith } from "@/lib/http/parse";
import { log } from "@/lib/log";
import { unsubscribe, unsubscribeSchema } from "@/lib/notify/unsubscribe";

export async function unsubscribeAction(input: unknown): Promise<ActionResult<{ message: string }>> {
  try {
    await unsubscribe(parseWith(unsubscribeSchema, input).token);
    return { ok: true, data: { message: "Done: you will get no more unread-message emails. Turn them back on in Settings." } };
  } catch (error) {
    const wire = toWireError(error);
    if (wire.code === "internal") log.error({ event: "notify.unsubscribe", error: String(error) }, "unsubscribe failed");
    return { ok: false, error: wire };
  }
}
