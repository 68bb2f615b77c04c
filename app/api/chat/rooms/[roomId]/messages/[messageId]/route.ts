// PATCH /api/chat/rooms/{id}/messages/{messageId} {content}: edit my message (within 15 minutes).
// DELETE /api/chat/rooms/{id}/messages/{messageId}: delete my message for everyone (204).
import { deleteOwnMessage, editMessage } from "@/lib/chat/edit";
import { editMessageBodySchema } from "@/lib/chat/schemas";
import { pathId } from "@/lib/http/params";
import { authedRoute, json } from "@/lib/http/route";
import { readJson } from "@/lib/http/parse";
import { enforce } from "@/lib/rate-limit";

type Params = { roomId: string; messageId: string };

export const PATCH = authedRoute<Params>("PATCH /api/chat/rooms/{id}/messages/{messageId}", async ({ request, user, params, emit }) => {
  const roomId = pathId(params.roomId, "roomId");
  const messageId = pathId(params.messageId, "messageId", { bigint: true });
  const body = await readJson(request, editMessageBodySchema);
  await enforce("send", String(user.id));
  return json(emit(await editMessage({ userId: user.id, roomId, messageId, content: body.content })));
});

export const DELETE = authedRoute<Params>("DELETE /api/chat/rooms/{id}/messages/{messageId}", async ({ user, params, emit }) => {
  const roomId = pathId(params.roomId, "roomId");
  const messageId = pathId(params.messageId, "messageId", { bigint: true });
  emit(await deleteOwnMessage({ userId: user.id, roomId, messageId }));
  return new Response(null, { status: 204 });
});
