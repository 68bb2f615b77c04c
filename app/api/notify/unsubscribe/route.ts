// POST /api/notify/unsubscribe?token=…: the one-click unsubscribe of the unread emails (RFC 8058:
// mail clients POST `List-Unsubscribe=One-Click` here, from their own servers, with no session
// and no Origin of ours, so the signed token is the only authority). 400 for a forged or expired
// token, 409 when emails are already off; nothing changes then.
import { json, publicRoute } from "@/lib/http/route";
import { parseWith } from "@/lib/http/parse";
import { unsubscribe, unsubscribeSchema } from "@/lib/notify/unsubscribe";

export const POST = publicRoute(
  "POST /api/notify/unsubscribe",
  async ({ request }) => {
    const { token } = parseWith(unsubscribeSchema, { token: request.nextUrl.searchParams.get("token") ?? undefined });
    await unsubscribe(token);
    return json({ unsubscribed: true });
  },
  { sameOrigin: false },
);
