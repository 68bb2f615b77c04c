// GET /api/chat/users?q=: people to start a conversation with.
import { userSearchQuerySchema } from "@/lib/chat/schemas";
import { parseQuery } from "@/lib/http/params";
import { authedRoute, json } from "@/lib/http/route";
import { searchUsers } from "@/lib/users/search";

export const GET = authedRoute("GET /api/chat/users", async ({ request, user }) => {
  const { q } = parseQuery(request.url, userSearchQuerySchema);
  return json({ users: await searchUsers(user.id, q) });
});
