// GET /api/chat/me/settings: the caller's settings (read receipts, notifications). PATCH: change
// any of them.
import { getSettings, updateSettings } from "@/lib/users/settings";
import { settingsBodySchema } from "@/lib/chat/schemas";
import { authedRoute, json } from "@/lib/http/route";
import { readJson } from "@/lib/http/parse";

export const GET = authedRoute("GET /api/chat/me/settings", async ({ user }) => json(await getSettings(user.id)));

export const PATCH = authedRoute("PATCH /api/chat/me/settings", async ({ request, user }) =>
  json(await updateSettings(user.id, await readJson(request, settingsBodySchema))),
);
