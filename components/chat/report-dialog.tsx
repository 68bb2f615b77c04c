"use client";
// Report a message or a person: one of five reasons and an optional note (limited in UTF-8 bytes).
// The reporter gets a confirmation; the reported person is told nothing.
import { type FormEvent, useId, useState } from "react";
import { reportAction } from "@/app/(chat)/report-actions";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FormError } from "@/components/ui/form-error";
import { REPORT_NOTE_MAX_BYTES, REPORT_REASON_LABELS, REPORT_REASONS, type ReportReason, utf8Bytes } from "@/lib/moderation/limits";

export type ReportTarget =
  | { kind: "message"; messageId: number; name: string }
  | { kind: "person"; roomId: number; people: Array<{ id: number; name: string }> };

export function ReportDialog({ open, onClose, target }: { open: boolean; onClose: () => void; target: ReportTarget }) {
  const [reason, setReason] = useState<ReportReason | null>(null);
  const [note, setNote] = useState("");
  const [personId, setPersonId] = useState<number | null>(target.kind === "person" ? (target.people[0]?.id ?? null) : null);
  const [error, setError] = useState<string | null>(null);
  const [sent, setSent] = useState(false);
  const [busy, setBusy] = useState(false);
  const noteId = useId();
  const bytes = utf8Bytes(note.trim());
  const tooLong = bytes > REPORT_NOTE_MAX_BYTES;
  const name = target.kind === "message" ? target.name : (target.people.find((p) => p.id === personId)?.name ?? "");

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!reason || tooLong) return;
    setBusy(true);
    setError(null);
    const base = { reason, ...(note.trim() ? { note } : {}) };
    const result = await reportAction(
      target.kind === "message" ? { ...base, message_id: target.messageId } : { ...base, user_id: personId ?? 0, room_id: target.roomId },
    ).catch(() => null);
    setBusy(false);
    if (result?.ok) setSent(true);
    else setError(result?.error.message ?? "The report could not be sent. Please try again.");
  };

  const title = target.kind === "message" ? `Report a message from ${target.name}` : "Report a person";
  return (
    <Dialog open={open} onClose={onClose} title={title} description="Our trust and safety team reviews every report.">
      {sent ? (
        <div className="flex flex-col gap-3">
          <p role="status" className="text-sm">
            Thanks. Your report was sent to our team. {name} is not told who reported them.
          </p>
          <Button onClick={onClose}>Done</Button>
        </div>
      ) : (
        <form onSubmit={submit} className="flex flex-col gap-3">
          {target.kind === "person" && target.people.length > 1 ? (
            <label className="flex flex-col gap-1 text-sm font-medium">
              Person
              <select
                value={personId ?? ""}
                onChange={(e) => setPersonId(Number(e.target.value))}
                className="rounded-lg border border-slate-300 bg-white px-2 py-1.5 font-normal dark:border-slate-700 dark:bg-slate-900"
              >
                {target.people.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </select>
            </label>
          ) : null}
          <fieldset className="flex flex-col gap-1.5">
            <legend className="mb-1 text-sm font-medium">Reason</legend>
            {REPORT_REASONS.map((r) => (
              <label key={r} className="flex items-center gap-2 text-sm">
                <input type="radio" name="reason" value={r} checked={reason === r} onChange={() => setReason(r)} required />
                {REPORT_REASON_LABELS[r]}
              </label>
            ))}
          </fieldset>
          <div className="flex flex-col gap-1">
            <label htmlFor={noteId} className="text-sm font-medium">
              Note (optional)
            </label>
            <textarea
              id={noteId}
              value={note}
              onChange={(e) => setNote(e.target.value)}
              rows={3}
              aria-invalid={tooLong || undefined}
              className="rounded-lg border border-slate-300 bg-white px-2 py-1.5 text-sm dark:border-slate-700 dark:bg-slate-900"
            />
            <span className={`text-xs ${tooLong ? "text-red-700 dark:text-red-400" : "text-slate-600 dark:text-slate-400"}`}>
              {bytes} / {REPORT_NOTE_MAX_BYTES} bytes{tooLong ? ": too long" : ""}
            </span>
          </div>
          <FormError message={error} />
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" disabled={busy || !reason || tooLong || (target.kind === "person" && personId === null)}>
              {busy ? "Sending…" : "Send report"}
            </Button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
