// POST /api/chat/uploads/{id}/complete: the server reads and verifies the uploaded bytes
// (type sniffed, images re-encoded without metadata) and answers the attachment (200).
import { completeUpload } from "@/lib/attachments/complete";
import { pathUuid } from "@/lib/http/params";
import { authedRoute, json } from "@/lib/http/route";
import { enforce } from "@/lib/rate-limit";

export const POST = authedRoute<{ uploadId: string }>("POST /api/chat/uploads/{id}/complete", async ({ user, params }) => {
  const uploadId = pathUuid(params.uploadId, "uploadId");
  await enforce("upload", String(user.id));
  return json({ attachment: await completeUpload({ userId: user.id, uploadId }) });
});
