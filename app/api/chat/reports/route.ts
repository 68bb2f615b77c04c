// POST /api/chat/reports {reason, note?, message_id | user_id, room_id?}: report a message of a room
// I am in, or a person; 201 with the report. The reported person is told nothing.
import { createReport } from "@/lib/moderation/reports";
import { reportBodySchema } from "@/lib/moderation/schemas";
import { readJson } from "@/lib/http/parse";
import { authedRoute, json } from "@/lib/http/route";
import { enforce } from "@/lib/rate-limit";

export const POST = authedRoute("POST /api/chat/reports", async ({ request, user }) => {
  const body = await readJson(request, reportBodySchema);
  await enforce("send", String(user.id));
  return json(await createReport(user.id, body), 201);
});
