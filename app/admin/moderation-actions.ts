"use server";
// Server actions of the reports queue and the user page: resolve a report, suspend, lift. Each
// checks the caller is an admin (requireAdmin, then lib/admin again against the database).
import { revalidatePath } from "next/cache";
import { requireAdmin } from "@/lib/auth/session";
import type { ActionResult } from "@/lib/errors";
import { runAction } from "@/lib/http/action";
import { formFields } from "@/lib/admin/form-data";
import { resolveReport } from "@/lib/admin/reports";
import { liftSuspension, suspendUser } from "@/lib/moderation/suspensions";
import { liftSuspensionSchema, resolveReportSchema, suspendUserSchema } from "@/lib/moderation/schemas";
import { suspensionEnd } from "@/lib/moderation/suspension-policy";

export type ModerationActionState = ActionResult<string> | null;

const RESOLVED: Record<string, string> = {
  dismiss: "Report dismissed",
  delete_message: "Message deleted",
  warn: "Warning sent",
  suspend: "User suspended",
};

async function done(result: ActionResult<string>): Promise<ModerationActionState> {
  if (result.ok) revalidatePath("/admin", "layout");
  return result;
}

export async function resolveReportAction(_state: ModerationActionState, form: FormData): Promise<ModerationActionState> {
  return done(
    await runAction(
      "admin.resolveReport",
      resolveReportSchema,
      formFields(form),
      async (admin, input, emit) => RESOLVED[(await resolveReport(admin, input, emit)).action] ?? "Done",
      { authorize: requireAdmin },
    ),
  );
}

export async function suspendUserAction(_state: ModerationActionState, form: FormData): Promise<ModerationActionState> {
  return done(
    await runAction(
      "admin.suspendUser",
      suspendUserSchema,
      formFields(form),
      async (admin, input, emit) => {
        const s = emit(await suspendUser(admin, { userId: input.user_id, duration: input.duration, note: input.note }));
        return `${s.username} suspended ${suspensionEnd(s.endsAt)}`;
      },
      { authorize: requireAdmin },
    ),
  );
}

export async function liftSuspensionAction(_state: ModerationActionState, form: FormData): Promise<ModerationActionState> {
  return done(
    await runAction(
      "admin.liftSuspension",
      liftSuspensionSchema,
      formFields(form),
      async (admin, input) =>
        (await liftSuspension(admin, { suspensionId: Number(input.suspension_id), note: input.note })).lifted ? "Suspension lifted" : "Already over",
      { authorize: requireAdmin },
    ),
  );
}
