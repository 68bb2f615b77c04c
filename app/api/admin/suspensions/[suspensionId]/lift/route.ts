// POST /api/admin/suspensions/{id}/lift {note}: ends a suspension now; lifting one already over changes nothing.
import { z } from "zod";
import { adminRoute } from "@/lib/admin/route";
import { liftSuspension } from "@/lib/moderation/suspensions";
import { liftSuspensionSchema } from "@/lib/moderation/schemas";
import { pathId } from "@/lib/http/params";
import { parseWith, readJson } from "@/lib/http/parse";
import { json } from "@/lib/http/route";

const body = z.record(z.string(), z.unknown());

export const POST = adminRoute<{ suspensionId: string }>("POST /api/admin/suspensions/{id}/lift", async ({ request, admin, params }) => {
  const suspensionId = pathId(params.suspensionId, "suspensionId", { bigint: true });
  const input = parseWith(liftSuspensionSchema, { ...(await readJson(request, body)), suspension_id: suspensionId });
  const outcome = await liftSuspension(admin, { suspensionId, note: input.note });
  return json({ user_id: outcome.userId, lifted: outcome.lifted });
});
