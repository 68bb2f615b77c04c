// POST /api/pusher/user-auth (form: socket_id, as pusher-js's signin sends it): signs the
// connection in as the session's user (pusher:signin), so the server can later terminate every
// connection of that user (lib/realtime/terminate.ts). Inactive users get 401 like every route.
import { z } from "zod";
import { authenticateUser } from "@/lib/realtime/authorize";
import { readAuthForm, socketIdSchema } from "@/lib/realtime/auth-form";
import { authedRoute, json } from "@/lib/http/route";
import { enforce } from "@/lib/rate-limit";

const userAuthFormSchema = z.object({ socket_id: socketIdSchema }).strict();

export const POST = authedRoute("POST /api/pusher/user-auth", async ({ request, user }) => {
  const form = await readAuthForm(request, userAuthFormSchema);
  await enforce("channelAuth", String(user.id));
  return json(authenticateUser(user, form.socket_id));
});
