// POST /api/admin/users/{id}/reactivate: undoes a deactivation.
import { reactivateUser } from "@/lib/admin/moderation";
import { adminRoute } from "@/lib/admin/route";
import { wireStanding } from "@/lib/wire/admin";
import { pathId } from "@/lib/http/params";
import { json } from "@/lib/http/route";

export const POST = adminRoute<{ userId: string }>("POST /api/admin/users/{id}/reactivate", async ({ admin, params, emit }) =>
  json(wireStanding(emit(await reactivateUser(admin, { user_id: pathId(params.userId, "userId") })))),
);
