// POST /api/pusher/auth (form: socket_id, channel_name, as pusher-js sends them): signs a
// subscription to presence-room-{id} for participants and private-user-{id} for that user.
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { authorizeChannel } from "@/lib/realtime/authorize";
import { authedRoute, json, MAX_BODY_BYTES, parseWith, readLimited } from "@/lib/http/route";
import { enforce } from "@/lib/rate-limit";

const authFormSchema = z
  .object({
    socket_id: z.string().regex(/^\d{1,20}\.\d{1,20}$/, "invalid socket_id"),
    channel_name: z.string().min(1).max(200),
  })
  .strict();

export const POST = authedRoute("POST /api/pusher/auth", async ({ request, user }) => {
  const type = request.headers.get("content-type") ?? "";
  if (Number(request.headers.get("content-length") ?? 0) > MAX_BODY_BYTES) {
    throw new AppError("payload_too_large", "Request body too large");
  }
  let fields: Record<string, unknown>;
  if (/^application\/x-www-form-urlencoded\b/i.test(type)) {
    const params = new URLSearchParams(await readLimited(request, MAX_BODY_BYTES));
    fields = Object.fromEntries([...params.keys()].map((k) => [k, params.getAll(k).length > 1 ? params.getAll(k) : params.get(k)]));
  } else if (/^application\/json\b/i.test(type)) {
    // Read under the cap first: a body without Content-Length is refused at 64 KB, not parsed whole.
    const text = await readLimited(request, MAX_BODY_BYTES);
    try {
      fields = JSON.parse(text);
    } catch {
      throw new AppError("invalid_input", "Body is not valid JSON");
    }
  } else {
    throw new AppError("invalid_input", "Expected a form body with socket_id and channel_name");
  }
  const form = parseWith(authFormSchema, fields);
  await enforce("channelAuth", String(user.id));
  return json(await authorizeChannel(user, form.socket_id, form.channel_name));
});
