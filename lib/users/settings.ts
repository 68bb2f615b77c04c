import "server-only";
// The user's own settings, as one wire object: read receipts and the notification settings
// (email digest on/off and delay, hiding previews, mentions in muted groups).
import { db } from "@/lib/db";
import type { SettingsBody } from "@/lib/chat/schemas";
import type { WireSettings } from "@/lib/wire/rest";

const SELECT = {
  readReceipts: true,
  notifyEmail: true,
  notifyEmailDelayMinutes: true,
  notifyHidePreviews: true,
  notifyMentionsWhenMuted: true,
} as const;

type Row = {
  readReceipts: boolean;
  notifyEmail: boolean;
  notifyEmailDelayMinutes: number;
  notifyHidePreviews: boolean;
  notifyMentionsWhenMuted: boolean;
};

const toWire = (u: Row): WireSettings => ({
  read_receipts: u.readReceipts,
  notify_email: u.notifyEmail,
  notify_email_delay_minutes: u.notifyEmailDelayMinutes,
  notify_hide_previews: u.notifyHidePreviews,
  notify_mentions_when_muted: u.notifyMentionsWhenMuted,
});

export async function getSettings(userId: number): Promise<WireSettings> {
  return toWire(await db.user.findUniqueOrThrow({ where: { id: userId }, select: SELECT }));
}

/** Changes only the fields given. */
export async function updateSettings(userId: number, change: SettingsBody): Promise<WireSettings> {
  const user = await db.user.update({
    where: { id: userId },
    data: {
      readReceipts: change.read_receipts,
      notifyEmail: change.notify_email,
      notifyEmailDelayMinutes: change.notify_email_delay_minutes,
      notifyHidePreviews: change.notify_hide_previews,
      notifyMentionsWhenMuted: change.notify_mentions_when_muted,
    },
    select: SELECT,
  });
  return toWire(user);
}
