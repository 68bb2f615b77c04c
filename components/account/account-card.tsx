import type { ReactNode } from "react";

/** The bordered card the sign-in pages share (login, register, password reset, unsubscribe). */
export const ACCOUNT_CARD = "flex flex-col gap-4 rounded-2xl border border-slate-200 bg-white p-6 shadow-sm dark:border-slate-800 dark:bg-slate-900";

export function AccountCard({ title, intro, children }: { title: string; intro?: ReactNode; children?: ReactNode }) {
  return (
    <section className={ACCOUNT_CARD}>
      <div>
        <h1 className="text-xl font-semibold">{title}</h1>
        {intro ? <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">{intro}</p> : null}
      </div>
      {children}
    </section>
  );
}

/** A success line, announced to screen readers. */
export function FormNotice({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <p role="status" className="rounded-lg bg-emerald-50 px-3 py-2 text-sm text-emerald-900 dark:bg-emerald-950 dark:text-emerald-100">
      {message}
    </p>
  );
}
