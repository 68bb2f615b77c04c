// POST /api/chat/jobs/{jobId}/room: the job's room (client + cleaner), created on first use.
import { getOrCreateJobRoom } from "@/lib/chat/membership";
import { pathId } from "@/lib/http/params";
import { authedRoute, json } from "@/lib/http/route";

export const POST = authedRoute<{ jobId: string }>("POST /api/chat/jobs/{jobId}/room", async ({ user, params, emit }) =>
  json(emit(await getOrCreateJobRoom(user.id, pathId(params.jobId, "jobId"), user.role === "ADMIN"))),
);
