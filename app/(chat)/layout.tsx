// The signed-in chat: the room list is rendered here on the server, so it paints with no
// client fetch; the client store and realtime connection start from it.
import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { getSessionUser } from "@/app/(chat)/cached-reads";
import { shutOutBySuspension } from "@/lib/auth/session";
import { ChatProvider } from "@/components/chat/chat-provider";
import { ChatShell } from "@/components/chat/chat-shell";
import { Sidebar } from "@/components/chat/sidebar";
import { VerifyEmailBanner } from "@/components/account/verify-email-banner";
import { isEmailVerified } from "@/lib/auth/email-verification";
import { getSettings } from "@/lib/users/settings";
import { listRooms, totalUnread } from "@/lib/chat/rooms";
import { realtimeClientConfig } from "@/lib/realtime/client-config";
import { encodeSuspendedSignIn } from "@/lib/moderation/suspension-policy";

const ROOM_LIST_SIZE = 50;

export default async function ChatLayout({ children }: { children: ReactNode }) {
  const user = await getSessionUser();
  if (!user) redirect("/login");
  if (user.suspension && shutOutBySuspension(user)) redirect(`/login?${new URLSearchParams({ error: encodeSuspendedSignIn(user.suspension) })}`);
  const [{ rooms, nextCursor }, unreadTotal, settings, verified] = await Promise.all([
    listRooms({ userId: user.id, limit: ROOM_LIST_SIZE }),
    totalUnread(user.id),
    getSettings(user.id),
    isEmailVerified(user.id),
  ]);
  const me = {
    id: user.id,
    username: user.username,
    name: user.name,
    isAdmin: user.role === "ADMIN",
    readReceipts: settings.read_receipts,
    hidePreviews: settings.notify_hide_previews,
    mentionsWhenMuted: settings.notify_mentions_when_muted,
  };
  return (
    <ChatProvider me={me} rooms={rooms} roomsCursor={nextCursor} unreadTotal={unreadTotal} realtime={realtimeClientConfig()} renderedAt={Date.now()}>
      <ChatShell sidebar={<Sidebar />} banner={verified ? null : <VerifyEmailBanner />}>
        {children}
      </ChatShell>
    </ChatProvider>
  );
}
