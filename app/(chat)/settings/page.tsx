// /settings: the user's settings (read receipts, notifications on this device, email, previews,
// mentions in muted rooms), reached from the sidebar's "Settings" link.
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getSessionUser } from "@/app/(chat)/cached-reads";
import { BackToConversations } from "@/components/chat/back-link";
import { SettingsForm } from "@/components/settings/settings-form";
import { BlockedPeople } from "@/components/settings/blocked-people";
import { listBlocked } from "@/lib/safety/blocks";
import { vapidPublicKey } from "@/lib/notify/vapid";
import { getSettings } from "@/lib/users/settings";

export const metadata: Metadata = { title: "Settings · JobChat" };

export default async function SettingsPage() {
  const user = await getSessionUser();
  if (!user) redirect("/login");
  const settings = await getSettings(user.id);
  return (
    <div className="flex min-h-0 flex-1 flex-col overflow-y-auto">
      <header className="flex items-center gap-3 border-b border-slate-200 bg-white px-3 py-2.5 md:px-5 dark:border-slate-800 dark:bg-slate-900">
        <BackToConversations />
        <h1 className="text-base font-semibold">Settings</h1>
      </header>
      <SettingsForm initial={settings} vapidPublicKey={vapidPublicKey()} />
      <BlockedPeople initial={await listBlocked(user.id)} />
    </div>
  );
}
