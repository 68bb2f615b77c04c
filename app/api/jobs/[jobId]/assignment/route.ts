// POST /api/jobs/{jobId}/assignment: the marketplace's server sets the job's client, cleaner and
// (optionally) status with `Authorization: Bearer $MARKETPLACE_API_TOKEN`; 404 while the token
// is unset (the door does not exist), 401 for a missing or wrong token, 404 for an unknown job.
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { presentsBearer } from "@/lib/http/bearer";
import { pathId } from "@/lib/http/params";
import { readJson } from "@/lib/http/parse";
import { json, publicRoute } from "@/lib/http/route";
import { assignJob } from "@/lib/jobs/assignment";
import { assignmentBodySchema } from "@/lib/jobs/schemas";
import { toWireAssignment } from "@/lib/wire/serialize";

export const dynamic = "force-dynamic";

export const POST = publicRoute<{ jobId: string }>("POST /api/jobs/{jobId}/assignment", async ({ request, params, emit }) => {
  const token = env().MARKETPLACE_API_TOKEN;
  if (!token) throw new AppError("not_found", "Not found");
  if (!presentsBearer(request, token)) throw new AppError("unauthorized", "A valid marketplace token is required");
  const jobId = pathId(params.jobId, "jobId");
  const body = await readJson(request, assignmentBodySchema);
  const produced = await assignJob({ jobId, clientId: body.client_id, cleanerId: body.cleaner_id, status: body.status });
  return json(toWireAssignment(emit(produced)));
});
