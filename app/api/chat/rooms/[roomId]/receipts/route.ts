// GET /api/chat/rooms/{id}/receipts: how far the other members have read (empty when the caller sends no receipts).
import { getReadMarks } from "@/lib/chat/receipts";
import { pathId } from "@/lib/http/params";
import { authedRoute, json } from "@/lib/http/route";

export const GET = authedRoute<{ roomId: string }>("GET /api/chat/rooms/{id}/receipts", async ({ user, params }) =>
  json({ receipts: await getReadMarks(user.id, pathId(params.roomId, "roomId")) }),
);
