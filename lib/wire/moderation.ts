// The trust and safety answers (reports, suspensions), snake_case: one schema each, and the serializers.
import * as v from "valibot";
import { wireId } from "@/lib/wire/rest";
import { REPORT_ACTIONS, REPORT_REASONS } from "@/lib/moderation/schemas";
import type { Suspension } from "@/lib/moderation/suspensions";

const isoTime = v.pipe(v.string(), v.isoTimestamp());

/** POST /api/chat/reports (201): the reporter's confirmation. */
export const wireReportSchema = v.object({
  id: wireId,
  reason: v.picklist(REPORT_REASONS),
  message_id: v.nullable(wireId),
  reported_user_id: wireId,
  room_id: v.nullable(wireId),
  status: v.literal("open"),
  created_at: isoTime,
});

/** POST /api/admin/reports/{id}/resolve. */
export const wireResolutionSchema = v.object({ report_id: wireId, action: v.picklist(REPORT_ACTIONS) });

/** POST /api/admin/users/{id}/suspend. */
export const wireSuspensionSchema = v.object({ id: wireId, user_id: wireId, username: v.string(), ends_at: v.nullable(isoTime) });
export const wireSuspension = (s: Suspension): v.InferOutput<typeof wireSuspensionSchema> => ({
  id: s.id,
  user_id: s.userId,
  username: s.username,
  ends_at: s.endsAt ? s.endsAt.toISOString() : null,
});

/** POST /api/admin/suspensions/{id}/lift. */
export const wireLiftSchema = v.object({ user_id: wireId, lifted: v.boolean() });
