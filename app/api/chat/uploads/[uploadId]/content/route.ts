// PUT /api/chat/uploads/{id}/content?token=: the raw bytes, with the local-disk driver (what a
// presigned PUT is with S3). The signed, short-lived token is the permission (204).
import { receiveUploadContent } from "@/lib/attachments/content";
import { uploadContentQuerySchema } from "@/lib/attachments/schemas";
import { parseQuery, pathUuid } from "@/lib/http/params";
import { publicRoute } from "@/lib/http/route";

export const PUT = publicRoute<{ uploadId: string }>("PUT /api/chat/uploads/{id}/content", async ({ request, params }) => {
  const uploadId = pathUuid(params.uploadId, "uploadId");
  const { token } = parseQuery(request.url, uploadContentQuerySchema);
  await receiveUploadContent({ uploadId, token, request });
  return new Response(null, { status: 204 });
});
