"use client";
// A form posting to an admin server action, showing its result where the button is.
import { useActionState, type ReactNode } from "react";
import type { AdminActionState } from "@/app/admin/actions";

type Props = {
  action: (state: AdminActionState, form: FormData) => Promise<AdminActionState>;
  fields: Record<string, string | number>;
  submitLabel: string;
  /** Accessible name of the button when the visible label is not enough (e.g. "Delete message 42"). */
  submitName?: string;
  tone?: "danger" | "neutral";
  children?: ReactNode;
};

export function ActionForm({ action, fields, submitLabel, submitName, tone = "neutral", children }: Props) {
  const [state, formAction, pending] = useActionState(action, null);
  const button =
    tone === "danger"
      ? "bg-red-600 text-white hover:bg-red-700 dark:bg-red-500 dark:hover:bg-red-600"
      : "bg-slate-800 text-white hover:bg-slate-900 dark:bg-slate-200 dark:text-slate-900 dark:hover:bg-white";
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-2">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children}
      <button
        type="submit"
        disabled={pending}
        aria-label={submitName}
        className={`rounded px-2.5 py-1 text-xs font-medium disabled:opacity-50 ${button}`}
      >
        {pending ? "Working…" : submitLabel}
      </button>
      <span
        role="status"
        aria-live="polite"
        className={`text-xs ${state?.ok === false ? "text-red-600 dark:text-red-400" : "text-slate-500 dark:text-slate-400"}`}
      >
        {state ? (state.ok ? state.data : state.error.message) : null}
      </span>
    </form>
  );
}
