// POST /api/pusher/auth (form: socket_id, channel_name, as pusher-js sends them): signs a
// subscription to private-room-{id} and presence-room-{id} for participants and private-user-{id}
// for that user.
import { z } from "zod";
import { authorizeChannel } from "@/lib/realtime/authorize";
import { readAuthForm, socketIdSchema } from "@/lib/realtime/auth-form";
import { authedRoute, json } from "@/lib/http/route";
import { enforce } from "@/lib/rate-limit";

const authFormSchema = z.object({ socket_id: socketIdSchema, channel_name: z.string().min(1).max(200) }).strict();

export const POST = authedRoute("POST /api/pusher/auth", async ({ request, user }) => {
  const form = await readAuthForm(request, authFormSchema);
  await enforce("channelAuth", String(user.id));
  return json(await authorizeChannel(user, form.socket_id, form.channel_name));
});
