// GET /api/admin/rooms/{id}/export?format=json|csv: the whole room for a dispute, streamed (audit-logged).
import { exportRoom } from "@/lib/admin/export";
import { adminRoute } from "@/lib/admin/route";
import { roomExportQuerySchema } from "@/lib/admin/schemas";
import { parseQuery, pathId } from "@/lib/http/params";

export const GET = adminRoute<{ roomId: string }>("GET /api/admin/rooms/{id}/export", async ({ request, admin, params }) => {
  const roomId = pathId(params.roomId, "roomId");
  const { format } = parseQuery(request.url, roomExportQuerySchema);
  const file = await exportRoom(admin, roomId, format);
  return new Response(file.body, {
    headers: {
      "content-type": file.contentType,
      "content-disposition": `attachment; filename="${file.filename}"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
});
