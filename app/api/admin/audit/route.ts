// GET /api/admin/audit?before=: the moderation audit log, newest first.
import { listAudit } from "@/lib/admin/audit";
import { adminRoute } from "@/lib/admin/route";
import { auditQuerySchema } from "@/lib/admin/schemas";
import { wireAudit } from "@/lib/wire/admin";
import { parseQuery } from "@/lib/http/params";
import { json } from "@/lib/http/route";

export const GET = adminRoute("GET /api/admin/audit", async ({ request, admin }) => {
  const { entries, nextBefore } = await listAudit(admin, parseQuery(request.url, auditQuerySchema));
  return json({ entries: entries.map(wireAudit), next_before: nextBefore });
});
