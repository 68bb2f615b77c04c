// POST /api/admin/users/{id}/suspend {duration: 24h | 7d | until_lifted, note}: suspends the user
// (409 while a suspension is in force, and for yourself) and cuts their realtime connections now.
import { z } from "zod";
import { adminRoute } from "@/lib/admin/route";
import { suspendUser } from "@/lib/moderation/suspensions";
import { suspendUserSchema } from "@/lib/moderation/schemas";
import { wireSuspension } from "@/lib/wire/moderation";
import { pathId } from "@/lib/http/params";
import { parseWith, readJson } from "@/lib/http/parse";
import { json } from "@/lib/http/route";

const body = z.record(z.string(), z.unknown());

export const POST = adminRoute<{ userId: string }>("POST /api/admin/users/{id}/suspend", async ({ request, admin, params, emit }) => {
  const userId = pathId(params.userId, "userId");
  const input = parseWith(suspendUserSchema, { ...(await readJson(request, body)), user_id: userId });
  return json(wireSuspension(emit(await suspendUser(admin, { userId, duration: input.duration, note: input.note }))), 201);
});
