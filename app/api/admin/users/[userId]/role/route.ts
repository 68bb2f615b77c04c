// POST /api/admin/users/{id}/role {"role":"ADMIN"|"USER"}: changes a user's role.
import { changeRole } from "@/lib/admin/moderation";
import { adminRoute } from "@/lib/admin/route";
import { roleBodySchema } from "@/lib/admin/schemas";
import { wireStanding } from "@/lib/wire/admin";
import { pathId } from "@/lib/http/params";
import { json } from "@/lib/http/route";
import { readJson } from "@/lib/http/parse";

export const POST = adminRoute<{ userId: string }>("POST /api/admin/users/{id}/role", async ({ request, admin, params, emit }) => {
  const userId = pathId(params.userId, "userId");
  const { role } = await readJson(request, roleBodySchema);
  return json(wireStanding(emit(await changeRole(admin, { user_id: userId, role }))));
});
