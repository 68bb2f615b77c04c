// GET /api/chat/rooms/{id}: one room in the list shape, for participants only (404 otherwise).
import { getRoomForUser } from "@/lib/chat/rooms";
import { pathId } from "@/lib/http/params";
import { authedRoute, json } from "@/lib/http/route";

export const GET = authedRoute<{ roomId: string }>("GET /api/chat/rooms/{id}", async ({ user, params }) =>
  json(await getRoomForUser(user.id, pathId(params.roomId, "roomId"))),
);
