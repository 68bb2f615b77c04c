// GET /api/chat/attachments/{id}/thumb: a photo's thumbnail (at most 400 px), like the photo itself.
import { serveAttachment } from "@/lib/attachments/serve";
import { pathUuid } from "@/lib/http/params";
import { authedRoute } from "@/lib/http/route";

export const GET = authedRoute<{ attachmentId: string }>("GET /api/chat/attachments/{id}/thumb", async ({ user, params }) =>
  serveAttachment(user, pathUuid(params.attachmentId, "attachmentId"), "thumb"),
);
