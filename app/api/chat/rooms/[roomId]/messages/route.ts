// GET /api/chat/rooms/{id}/messages?before=&after=&around=&limit=: cursor pages, seed contract.
// POST /api/chat/rooms/{id}/messages {content, client_id, reply_to_id?, attachment_ids?}: send (201 new, 200 on a retry); a new
// message is pushed to members with no tab open after the response.
import { getMessagePage, getMessagesAround } from "@/lib/chat/messages";
import { messagePageQuerySchema, sendMessageBodySchema } from "@/lib/chat/schemas";
import { sendMessage } from "@/lib/chat/send";
import { pathId, parseQuery } from "@/lib/http/params";
import { authedRoute, json } from "@/lib/http/route";
import { readJson } from "@/lib/http/parse";
import { notifyAfterSend } from "@/lib/notify/after-send";
import { enforce } from "@/lib/rate-limit";

export const GET = authedRoute<{ roomId: string }>("GET /api/chat/rooms/{id}/messages", async ({ request, user, params }) => {
  const roomId = pathId(params.roomId, "roomId");
  const { around, ...query } = parseQuery(request.url, messagePageQuerySchema);
  if (around !== undefined) return json(await getMessagesAround(user.id, { roomId, around, limit: query.limit }));
  return json(await getMessagePage(user.id, { roomId, ...query }));
});

export const POST = authedRoute<{ roomId: string }>("POST /api/chat/rooms/{id}/messages", async ({ request, user, params, emit }) => {
  const roomId = pathId(params.roomId, "roomId");
  const body = await readJson(request, sendMessageBodySchema);
  await enforce("send", String(user.id));
  const { message, created, withheld } = emit(
    await sendMessage({
      userId: user.id,
      roomId,
      content: body.content,
      clientId: body.client_id,
      replyToId: body.reply_to_id,
      attachmentIds: body.attachment_ids,
    }),
  );
  if (created && !withheld) notifyAfterSend(message);
  return json(message, created ? 201 : 200);
});
