// POST /api/chat/rooms/{id}/uploads {name, size, content_type}: start an upload (201 with where to PUT the bytes).
import { createUploadBodySchema } from "@/lib/attachments/schemas";
import { createUpload } from "@/lib/attachments/create";
import { pathId } from "@/lib/http/params";
import { authedRoute, json } from "@/lib/http/route";
import { readJson } from "@/lib/http/parse";
import { enforce } from "@/lib/rate-limit";

export const POST = authedRoute<{ roomId: string }>("POST /api/chat/rooms/{id}/uploads", async ({ request, user, params }) => {
  const roomId = pathId(params.roomId, "roomId");
  const body = await readJson(request, createUploadBodySchema);
  await enforce("upload", String(user.id));
  return json(await createUpload({ userId: user.id, roomId, ...body }), 201);
});
