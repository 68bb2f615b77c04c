"use client";
// The user's chat settings: for now, whether to send read receipts (and so see others').
import { useRouter } from "next/navigation";
import { useState } from "react";
import { updateSettingsAction } from "@/app/(chat)/actions";
import { Dialog } from "@/components/ui/dialog";
import { FormError } from "@/components/ui/form-error";
import { useChatState, useChatStore } from "@/hooks/use-chat-store";

export function SettingsDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const store = useChatStore();
  const router = useRouter();
  const on = useChatState((s) => s.me.readReceipts !== false);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function toggle(next: boolean) {
    setSaving(true);
    setError(null);
    store.setReadReceipts(next);
    const result = await updateSettingsAction({ read_receipts: next }).catch(() => null);
    setSaving(false);
    if (!result?.ok) {
      store.setReadReceipts(!next);
      setError(result?.error.message ?? "Could not save. Try again.");
      return;
    }
    store.setReadReceipts(result.data.read_receipts);
    // Turned back on: the open room's read marks come with the page.
    if (result.data.read_receipts) router.refresh();
  }

  return (
    <Dialog open={open} onClose={onClose} title="Settings">
      <label className="flex items-start gap-3 text-sm">
        <input
          type="checkbox"
          checked={on}
          disabled={saving}
          onChange={(event) => void toggle(event.target.checked)}
          className="mt-0.5 size-4 accent-indigo-600"
        />
        <span>
          <span className="font-medium">Send read receipts</span>
          <span className="mt-0.5 block text-slate-600 dark:text-slate-400">
            When off, others don’t see when you’ve read their messages, and you don’t see when they’ve read yours.
          </span>
        </span>
      </label>
      <FormError message={error} />
    </Dialog>
  );
}
