// POST /api/admin/reports/{id}/resolve {action: dismiss | delete_message | warn | suspend, note, duration?}:
// resolves an open report (409 once resolved), audit-logged with the note.
import { z } from "zod";
import { adminRoute } from "@/lib/admin/route";
import { resolveReport } from "@/lib/admin/reports";
import { resolveReportSchema } from "@/lib/moderation/schemas";
import { pathId } from "@/lib/http/params";
import { parseWith, readJson } from "@/lib/http/parse";
import { json } from "@/lib/http/route";

const body = z.record(z.string(), z.unknown());

export const POST = adminRoute<{ reportId: string }>("POST /api/admin/reports/{id}/resolve", async ({ request, admin, params, emit }) => {
  const reportId = pathId(params.reportId, "reportId", { bigint: true });
  const input = parseWith(resolveReportSchema, { ...(await readJson(request, body)), report_id: reportId });
  const resolved = await resolveReport(admin, input, emit);
  return json({ report_id: resolved.reportId, action: resolved.action });
});
