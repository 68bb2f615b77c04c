import "server-only";
// Web Push for a new message, after it committed: to each recipient (lib/notify/recipients.ts)
// with no app tab open (an open tab shows its own notification), on every device they
// subscribed. web-push encrypts and signs (RFC 8291, 8292); we post it ourselves so redirects
// are never followed and the endpoint is checked again right before. A subscription the push
// service reports gone (404, 410) is deleted. Never throws: a send does not depend on push.
import { messagePreview } from "@/lib/chat/preview";
import { mentionsAsText } from "@/lib/chat/mention-text";
import webpush from "web-push";
import { db } from "@/lib/db";
import { log } from "@/lib/log";
import { metrics } from "@/lib/metrics";
import { openTabUserIds } from "@/lib/notify/open-tabs";
import { checkPushEndpoint } from "@/lib/notify/push-endpoint";
import { pushPayload } from "@/lib/notify/push-payload";
import { allowPrivateEndpoints, deleteExpiredSubscription } from "@/lib/notify/push-subscriptions";
import { notificationRecipients } from "@/lib/notify/recipients";
import { type Vapid, vapid } from "@/lib/notify/vapid";
import type { WireMessage } from "@/lib/wire/rest";

type Result = "sent" | "expired" | "refused" | "failed";
type Subscription = { id: bigint; userId: number; endpoint: string; p256dh: string; auth: string };

const SEND_TIMEOUT_MS = 5_000;
/** A notification older than this is not worth showing: the push service may drop it. */
const TTL_SECONDS = 24 * 3600;
const PARALLEL = 10;

async function sendOne(sub: Subscription, payload: string, keys: Vapid): Promise<Result> {
  try {
    await checkPushEndpoint(sub.endpoint, { allowPrivate: allowPrivateEndpoints() });
  } catch {
    return "refused";
  }
  try {
    const request = webpush.generateRequestDetails({ endpoint: sub.endpoint, keys: { p256dh: sub.p256dh, auth: sub.auth } }, payload, {
      vapidDetails: keys,
      TTL: TTL_SECONDS,
      urgency: "high",
      contentEncoding: "aes128gcm",
    });
    const response = await fetch(request.endpoint, {
      method: request.method,
      headers: request.headers as Record<string, string>,
      body: new Uint8Array(request.body as Buffer),
      redirect: "manual",
      signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
    });
    await response.body?.cancel();
    if (response.status === 404 || response.status === 410) {
      await deleteExpiredSubscription(sub.id);
      return "expired";
    }
    return response.ok ? "sent" : "failed";
  } catch (error) {
    log.warn({ event: "notify.push_error", subscription_id: String(sub.id), error: String(error) }, "web push failed");
    return "failed";
  }
}

export type PushReport = Record<Result, number>;

/** `mentionedUserIds`: who hears it even in a muted room (when they asked); the message's recorded mentions by default. */
export async function pushNewMessage(
  message: WireMessage,
  mentionedUserIds: number[] = (message.mentions ?? []).map((m) => m.id),
): Promise<PushReport> {
  const report: PushReport = { sent: 0, expired: 0, refused: 0, failed: 0 };
  const keys = vapid();
  if (!keys) return report;
  try {
    const recipients = await notificationRecipients({ roomId: message.room_id, senderId: message.sender.id, mentionedUserIds });
    if (recipients.length === 0) return report;
    const subscriptions = await db.pushSubscription.findMany({
      where: { userId: { in: recipients.map((r) => r.userId) } },
      select: { id: true, userId: true, endpoint: true, p256dh: true, auth: true },
    });
    if (subscriptions.length === 0) return report;
    const open = await openTabUserIds([...new Set(subscriptions.map((s) => s.userId))]);
    const byUser = new Map(recipients.map((r) => [r.userId, r]));
    const due = subscriptions.filter((s) => !open.has(s.userId));
    for (let i = 0; i < due.length; i += PARALLEL) {
      const results = await Promise.all(
        due.slice(i, i + PARALLEL).map((sub) => {
          const recipient = byUser.get(sub.userId)!;
          const payload = pushPayload({
            roomId: message.room_id,
            sender: message.sender.username,
            room: recipient.roomName,
            // As the room list words it: mentions as names, "Photo" for a photo with no caption.
            content: messagePreview(mentionsAsText(message.content, message.mentions ?? []), message.attachments),
            hidePreviews: recipient.hidePreviews,
          });
          return sendOne(sub, JSON.stringify(payload), keys);
        }),
      );
      for (const result of results) {
        report[result]++;
        metrics.pushSends.inc({ result });
      }
    }
    log.info({ event: "notify.push", room_id: message.room_id, message_id: message.id, ...report }, "web push sent");
  } catch (error) {
    log.warn({ event: "notify.push_error", room_id: message.room_id, error: String(error) }, "web push for a message failed");
  }
  return report;
}
