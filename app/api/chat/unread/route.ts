// GET /api/chat/unread: {total}: the caller's unread messages over all rooms (tab title).
import { totalUnread } from "@/lib/chat/rooms";
import { authedRoute, json } from "@/lib/http/route";

export const GET = authedRoute("GET /api/chat/unread", async ({ user }) => json({ total: await totalUnread(user.id) }));
