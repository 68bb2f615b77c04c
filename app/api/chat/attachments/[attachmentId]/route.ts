// GET /api/chat/attachments/{id}: the photo (display size) or file, to the room's participants
// only (404 for anyone else); with S3, a redirect to a short-lived presigned GET.
import { serveAttachment } from "@/lib/attachments/serve";
import { pathUuid } from "@/lib/http/params";
import { authedRoute } from "@/lib/http/route";

export const GET = authedRoute<{ attachmentId: string }>("GET /api/chat/attachments/{id}", async ({ user, params }) =>
  serveAttachment(user, pathUuid(params.attachmentId, "attachmentId"), "display"),
);
