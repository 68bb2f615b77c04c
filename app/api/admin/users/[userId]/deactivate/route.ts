// POST /api/admin/users/{id}/deactivate: the user can no longer sign in, use a session or send.
import { deactivateUser } from "@/lib/admin/moderation";
import { adminRoute } from "@/lib/admin/route";
import { wireStanding } from "@/lib/wire/admin";
import { pathId } from "@/lib/http/params";
import { json } from "@/lib/http/route";

export const POST = adminRoute<{ userId: string }>("POST /api/admin/users/{id}/deactivate", async ({ admin, params, emit }) =>
  json(wireStanding(emit(await deactivateUser(admin, { user_id: pathId(params.userId, "userId") })))),
);
