"use server";
// Server actions for the admin pages: each checks the caller is an admin (requireAdmin, then the
// lib/admin function again against the database), validates with the shared schemas, and returns
// a typed result the form shows.
import { revalidatePath } from "next/cache";
import { requireAdmin } from "@/lib/auth/session";
import type { ActionResult } from "@/lib/errors";
import { runAction } from "@/lib/http/action";
import { formFields } from "@/lib/admin/form-data";
import { changeRole, deactivateUser, deleteMessage, reactivateUser } from "@/lib/admin/moderation";
import { changeRoomOwner } from "@/lib/admin/room-owner";
import { changeRoleSchema, deleteMessageSchema, roomOwnerSchema, userTargetSchema } from "@/lib/admin/schemas";

export type AdminActionState = ActionResult<string> | null;

async function done(result: ActionResult<string>): Promise<AdminActionState> {
  if (result.ok) revalidatePath("/admin", "layout");
  return result;
}

export async function deleteMessageAction(_state: AdminActionState, form: FormData): Promise<AdminActionState> {
  return done(
    await runAction(
      "admin.deleteMessage",
      deleteMessageSchema,
      formFields(form),
      async (admin, input, emit) => (emit(await deleteMessage(admin, input)).alreadyDeleted ? "Already deleted" : "Message deleted"),
      { authorize: requireAdmin },
    ),
  );
}

export async function deactivateUserAction(_state: AdminActionState, form: FormData): Promise<AdminActionState> {
  return done(
    await runAction(
      "admin.deactivateUser",
      userTargetSchema,
      formFields(form),
      async (admin, input, emit) => `${emit(await deactivateUser(admin, input)).username} deactivated`,
      {
        authorize: requireAdmin,
      },
    ),
  );
}

export async function reactivateUserAction(_state: AdminActionState, form: FormData): Promise<AdminActionState> {
  return done(
    await runAction(
      "admin.reactivateUser",
      userTargetSchema,
      formFields(form),
      async (admin, input, emit) => `${emit(await reactivateUser(admin, input)).username} reactivated`,
      {
        authorize: requireAdmin,
      },
    ),
  );
}

export async function changeRoleAction(_state: AdminActionState, form: FormData): Promise<AdminActionState> {
  return done(
    await runAction(
      "admin.changeRole",
      changeRoleSchema,
      formFields(form),
      async (admin, input, emit) => {
        const user = emit(await changeRole(admin, input));
        return `${user.username} is now ${user.role === "ADMIN" ? "an admin" : "a user"}`;
      },
      { authorize: requireAdmin },
    ),
  );
}

export async function changeRoomOwnerAction(_state: AdminActionState, form: FormData): Promise<AdminActionState> {
  return done(
    await runAction(
      "admin.changeRoomOwner",
      roomOwnerSchema,
      formFields(form),
      async (admin, input, emit) => {
        const change = emit(await changeRoomOwner(admin, input));
        const owner = change.members.find((m) => m.id === change.ownerId);
        return `${owner?.username ?? "They"} now owns this group`;
      },
      { authorize: requireAdmin },
    ),
  );
}
