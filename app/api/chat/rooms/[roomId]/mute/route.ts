// PUT /api/chat/rooms/{id}/mute {duration: "1h" | "8h" | "until_unmuted" | "off"}: the caller's
// mute of the room; answers the room with its new muted_until.
import { muteBodySchema } from "@/lib/chat/schemas";
import { muteRoom } from "@/lib/notify/mute";
import { pathId } from "@/lib/http/params";
import { readJson } from "@/lib/http/parse";
import { authedRoute, json } from "@/lib/http/route";

export const PUT = authedRoute<{ roomId: string }>("PUT /api/chat/rooms/{id}/mute", async ({ request, user, params, emit }) => {
  const roomId = pathId(params.roomId, "roomId");
  const { duration } = await readJson(request, muteBodySchema);
  return json(emit(await muteRoom({ userId: user.id, roomId, duration })));
});
