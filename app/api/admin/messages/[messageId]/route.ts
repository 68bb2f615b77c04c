// DELETE /api/admin/messages/{id}?reason=: soft-deletes a message (idempotent), recorded in the audit log.
import { deleteMessage } from "@/lib/admin/moderation";
import { adminRoute } from "@/lib/admin/route";
import { deleteMessageSchema, deleteQuerySchema } from "@/lib/admin/schemas";
import { wireDelete } from "@/lib/wire/admin";
import { parseQuery, pathId } from "@/lib/http/params";
import { json } from "@/lib/http/route";
import { parseWith } from "@/lib/http/parse";

export const DELETE = adminRoute<{ messageId: string }>("DELETE /api/admin/messages/{id}", async ({ request, admin, params, emit }) => {
  const messageId = pathId(params.messageId, "messageId", { bigint: true });
  const { reason } = parseQuery(request.url, deleteQuerySchema);
  return json(wireDelete(emit(await deleteMessage(admin, parseWith(deleteMessageSchema, { message_id: messageId, reason })))));
});
