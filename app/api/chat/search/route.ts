// GET /api/chat/search?q=&cursor=&limit=: messages in the caller's rooms matching every word (prefixes), newest first.
import { messageSearchQuerySchema } from "@/lib/chat/schemas";
import { searchMessages } from "@/lib/chat/search";
import { parseQuery } from "@/lib/http/params";
import { authedRoute, json } from "@/lib/http/route";

export const GET = authedRoute("GET /api/chat/search", async ({ request, user }) => {
  const { q, cursor, limit } = parseQuery(request.url, messageSearchQuerySchema);
  return json(await searchMessages({ userId: user.id, q, cursor, limit }));
});
