"use server";
// Reporting a message or a person from the chat UI: the same core as POST /api/chat/reports.
import type { ActionResult } from "@/lib/errors";
import { runAction } from "@/lib/http/action";
import { createReport, type WireReport } from "@/lib/moderation/reports";
import { reportBodySchema } from "@/lib/moderation/schemas";
import { enforce } from "@/lib/rate-limit";

/** reason: harassment | spam | scam | safety | other; a message_id, or a user_id (with the room_id it happened in). */
export async function reportAction(input: {
  reason: string;
  note?: string;
  message_id?: number;
  user_id?: number;
  room_id?: number;
}): Promise<ActionResult<WireReport>> {
  return runAction("report", reportBodySchema, input, async (user, body) => {
    await enforce("send", String(user.id));
    return createReport(user.id, body);
  });
}
