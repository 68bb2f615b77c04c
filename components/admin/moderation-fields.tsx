// Form fields of the moderation forms: the required note and the suspension length.
import { MODERATION_NOTE_MAX_BYTES, SUSPENSION_DURATION_LABELS, SUSPENSION_DURATIONS } from "@/lib/moderation/schemas";

const input = "rounded border border-slate-300 bg-white px-1 py-0.5 text-xs dark:border-slate-700 dark:bg-slate-900";

export function NoteField({ id, label }: { id: string; label: string }) {
  return (
    <>
      <label htmlFor={id} className="sr-only">
        {label}
      </label>
      {/* maxLength counts UTF-16 units; the server measures the note in UTF-8 bytes. */}
      <input id={id} name="note" required maxLength={MODERATION_NOTE_MAX_BYTES} placeholder="Note (required)" className={`w-56 ${input}`} />
    </>
  );
}

export function DurationField({ id, label, required = false }: { id: string; label: string; required?: boolean }) {
  return (
    <>
      <label htmlFor={id} className="sr-only">
        {label}
      </label>
      <select id={id} name="duration" defaultValue={required ? "24h" : ""} className={input}>
        {required ? null : <option value="">Suspend for…</option>}
        {SUSPENSION_DURATIONS.map((d) => (
          <option key={d} value={d}>
            {SUSPENSION_DURATION_LABELS[d]}
          </option>
        ))}
      </select>
    </>
  );
}
