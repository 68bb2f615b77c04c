// DELETE /api/chat/rooms/{id}/members/{userId}: leave a group room (anyone), or remove someone
// from it (its owner or an admin in it; others get 403).
import { removeMember } from "@/lib/chat/membership";
import { pathId } from "@/lib/http/params";
import { authedRoute } from "@/lib/http/route";

export const DELETE = authedRoute<{ roomId: string; userId: string }>(
  "DELETE /api/chat/rooms/{id}/members/{userId}",
  async ({ user, params, emit }) => {
    emit(await removeMember(user.id, pathId(params.roomId, "roomId"), pathId(params.userId, "userId")));
    return new Response(null, { status: 204 });
  },
);
