// GET /api/admin/users?q=&after=: every user (search by username, name or email), pages by id.
import { adminRoute } from "@/lib/admin/route";
import { userListQuerySchema } from "@/lib/admin/schemas";
import { listUsers } from "@/lib/admin/users";
import { wireUser } from "@/lib/wire/admin";
import { parseQuery } from "@/lib/http/params";
import { json } from "@/lib/http/route";

export const GET = adminRoute("GET /api/admin/users", async ({ request, admin }) => {
  const { users, nextAfter } = await listUsers(admin, parseQuery(request.url, userListQuerySchema));
  return json({ users: users.map(wireUser), next_after: nextAfter });
});
