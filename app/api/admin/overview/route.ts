// GET /api/admin/overview: the dashboard's totals, message charts and most active rooms (admins only).
import { adminRoute } from "@/lib/admin/route";
import { getOverview } from "@/lib/admin/overview";
import { wireOverview } from "@/lib/wire/admin";
import { json } from "@/lib/http/route";

export const GET = adminRoute("GET /api/admin/overview", async ({ admin }) => json(wireOverview(await getOverview(admin))));
