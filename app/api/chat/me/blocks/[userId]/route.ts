// DELETE /api/chat/me/blocks/{userId}: unblock someone (idempotent, 204).
import { unblockUser } from "@/lib/safety/blocks";
import { pathId } from "@/lib/http/params";
import { authedRoute } from "@/lib/http/route";

export const DELETE = authedRoute<{ userId: string }>("DELETE /api/chat/me/blocks/{userId}", async ({ user, params }) => {
  await unblockUser(user.id, pathId(params.userId, "userId"));
  return new Response(null, { status: 204 });
});
