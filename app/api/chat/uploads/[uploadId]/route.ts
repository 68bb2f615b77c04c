// DELETE /api/chat/uploads/{id}: the uploader discards an upload not sent yet (204), freeing its
// place among the 10 a room may hold unsent; anyone else, or an upload already sent: 404.
import { discardUpload } from "@/lib/attachments/cleanup";
import { pathUuid } from "@/lib/http/params";
import { authedRoute } from "@/lib/http/route";

export const DELETE = authedRoute<{ uploadId: string }>("DELETE /api/chat/uploads/{id}", async ({ user, params }) => {
  await discardUpload({ userId: user.id, uploadId: pathUuid(params.uploadId, "uploadId") });
  return new Response(null, { status: 204 });
});
