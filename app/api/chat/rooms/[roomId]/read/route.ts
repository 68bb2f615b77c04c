// POST /api/chat/rooms/{id}/read {up_to_id}: mark read; answers the room with its new unread_count.
import { markRead } from "@/lib/chat/read";
import { markReadBodySchema } from "@/lib/chat/schemas";
import { pathId } from "@/lib/http/params";
import { authedRoute, json } from "@/lib/http/route";
import { readJson } from "@/lib/http/parse";

export const POST = authedRoute<{ roomId: string }>("POST /api/chat/rooms/{id}/read", async ({ request, user, params, emit }) => {
  const roomId = pathId(params.roomId, "roomId");
  const body = await readJson(request, markReadBodySchema);
  return json(emit(await markRead({ userId: user.id, roomId, upToId: body.up_to_id })));
});
