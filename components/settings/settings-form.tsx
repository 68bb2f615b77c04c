"use client";
// The settings page's form: each change is saved at once (a server action) and written into the
// chat store, so the open tab applies it without a reload.
import { useRouter } from "next/navigation";
import { type ReactNode, useState } from "react";
import { updateSettingsAction } from "@/app/(chat)/actions";
import { BrowserNotificationsToggle } from "@/components/settings/browser-notifications";
import { PushToggle } from "@/components/settings/push-toggle";
import { FormError } from "@/components/ui/form-error";
import { useChatStore } from "@/hooks/use-chat-store";
import type { WireSettings } from "@/lib/wire/rest";

const DELAYS: Array<[number, string]> = [
  [5, "5 minutes"],
  [10, "10 minutes"],
  [30, "30 minutes"],
  [60, "1 hour"],
  [240, "4 hours"],
  [1440, "1 day"],
];

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={`settings-${title}`} className="flex flex-col gap-4 border-b border-slate-200 py-5 dark:border-slate-800">
      <h2 id={`settings-${title}`} className="text-sm font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

function Check(props: { label: string; hint: string; checked: boolean; disabled: boolean; onChange: (on: boolean) => void }) {
  return (
    <label className="flex items-start gap-3 text-sm">
      <input
        type="checkbox"
        checked={props.checked}
        disabled={props.disabled}
        onChange={(event) => props.onChange(event.target.checked)}
        className="mt-0.5 size-4 accent-indigo-600"
      />
      <span>
        <span className="font-medium">{props.label}</span>
        <span className="mt-0.5 block text-slate-600 dark:text-slate-400">{props.hint}</span>
      </span>
    </label>
  );
}

export function SettingsForm({ initial, vapidPublicKey }: { initial: WireSettings; vapidPublicKey: string | null }) {
  const store = useChatStore();
  const router = useRouter();
  const [settings, setSettings] = useState(initial);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState("");

  async function save(change: Partial<WireSettings>) {
    const before = settings;
    setSettings({ ...settings, ...change });
    setSaving(true);
    setError(null);
    setSaved("");
    const result = await updateSettingsAction(change).catch(() => null);
    setSaving(false);
    if (!result?.ok) {
      setSettings(before);
      setError(result?.error.message ?? "Could not save. Try again.");
      return;
    }
    setSettings(result.data);
    setSaved("Saved");
    store.setReadReceipts(result.data.read_receipts);
    store.setNotifySettings({ hidePreviews: result.data.notify_hide_previews, mentionsWhenMuted: result.data.notify_mentions_when_muted });
    // Receipts back on: the open room's read marks come with the page.
    if (change.read_receipts === true) router.refresh();
  }

  return (
    <div className="mx-auto flex w-full max-w-xl flex-col px-4 pb-8 md:px-6">
      <Section title="Notifications on this device">
        <BrowserNotificationsToggle />
        <PushToggle vapidPublicKey={vapidPublicKey} />
      </Section>
      <Section title="Email">
        <Check
          label="Email me about unread messages"
          hint="One email listing messages that stayed unread, never more often than the delay below."
          checked={settings.notify_email}
          disabled={saving}
          onChange={(on) => void save({ notify_email: on })}
        />
        <label className="flex items-center gap-3 text-sm">
          <span className="font-medium">Wait before emailing</span>
          <select
            value={settings.notify_email_delay_minutes}
            disabled={saving || !settings.notify_email}
            onChange={(event) => void save({ notify_email_delay_minutes: Number(event.target.value) })}
            className="rounded-lg border border-slate-300 bg-white px-2 py-1 dark:border-slate-700 dark:bg-slate-900"
          >
            {DELAYS.some(([minutes]) => minutes === settings.notify_email_delay_minutes) ? null : (
              <option value={settings.notify_email_delay_minutes}>{settings.notify_email_delay_minutes} minutes</option>
            )}
            {DELAYS.map(([minutes, label]) => (
              <option key={minutes} value={minutes}>
                {label}
              </option>
            ))}
          </select>
        </label>
      </Section>
      <Section title="Privacy">
        <Check
          label="Hide message previews"
          hint="Notifications and emails say that a message came, not who wrote it or what it says."
          checked={settings.notify_hide_previews}
          disabled={saving}
          onChange={(on) => void save({ notify_hide_previews: on })}
        />
        <Check
          label="Send read receipts"
          hint="When off, others don’t see when you’ve read their messages, and you don’t see when they’ve read yours."
          checked={settings.read_receipts}
          disabled={saving}
          onChange={(on) => void save({ read_receipts: on })}
        />
      </Section>
      <Section title="Muted rooms">
        <Check
          label="Notify me when I’m mentioned in a muted group"
          hint="A muted room still counts unread messages but never notifies, except for this."
          checked={settings.notify_mentions_when_muted}
          disabled={saving}
          onChange={(on) => void save({ notify_mentions_when_muted: on })}
        />
      </Section>
      <div className="pt-4">
        <FormError message={error} />
        <p role="status" className="text-sm text-slate-600 dark:text-slate-400">
          {saved}
        </p>
      </div>
    </div>
  );
}
