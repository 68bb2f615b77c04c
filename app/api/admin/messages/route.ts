// GET /api/admin/messages?q=&user=&room_id=&from=&to=&cursor=: search every room's messages.
import { adminRoute } from "@/lib/admin/route";
import { searchAdminMessages } from "@/lib/admin/message-search";
import { messageSearchQuerySchema } from "@/lib/admin/schemas";
import { wireSearchPage } from "@/lib/wire/admin";
import { parseQuery } from "@/lib/http/params";
import { json } from "@/lib/http/route";

export const GET = adminRoute("GET /api/admin/messages", async ({ request, admin }) =>
  json(wireSearchPage(await searchAdminMessages(admin, parseQuery(request.url, messageSearchQuerySchema)))),
);
