// One open report in the queue: who reported whom and why, the message in context, prior reports, and the resolve form.
import Link from "next/link";
import { resolveReportAction } from "@/app/admin/moderation-actions";
import { ActionForm } from "@/components/admin/action-form";
import { DurationField, NoteField } from "@/components/admin/moderation-fields";
import { Time } from "@/components/admin/time";
import type { QueueReport } from "@/lib/admin/reports";
import { REPORT_REASON_LABELS, type ReportReason } from "@/lib/moderation/schemas";

const reasonLabel = (reason: string) => REPORT_REASON_LABELS[reason as ReportReason] ?? reason;
const link = "text-sky-700 hover:underline dark:text-sky-400";

export function ReportCard({ report }: { report: QueueReport }) {
  const title = `Report ${report.id}: ${reasonLabel(report.reason)}`;
  return (
    <article aria-label={title} className="space-y-2 rounded-lg border border-slate-200 p-4 dark:border-slate-800">
      <h2 className="font-semibold">{title}</h2>
      <p className="text-sm">
        <Link href={`/admin/users/${report.reporter.id}`} className={link}>
          {report.reporter.username}
        </Link>{" "}
        reported{" "}
        <Link href={`/admin/users/${report.reported.id}`} className={link}>
          {report.reported.username}
        </Link>
        {report.messageId ? " for a message" : ""}
        {report.room ? (
          <>
            {" in "}
            <Link href={`/admin/rooms/${report.room.id}${report.messageId ? `#message-${report.messageId}` : ""}`} className={link}>
              {report.room.name}
            </Link>
          </>
        ) : null}{" "}
        · <Time value={report.createdAt} />
      </p>
      {report.note ? <p className="whitespace-pre-wrap break-words text-sm">Note: {report.note}</p> : null}
      {report.context.length > 0 ? (
        <ol
          aria-label={`Messages around the reported one (report ${report.id})`}
          className="space-y-1 rounded bg-slate-50 p-2 text-sm dark:bg-slate-900"
        >
          {report.context.map((m) => (
            <li
              key={m.id}
              aria-current={m.id === report.messageId ? "true" : undefined}
              className={m.id === report.messageId ? "rounded bg-amber-100 px-1 dark:bg-amber-900/40" : "px-1"}
            >
              <span className="font-medium">{m.senderUsername}</span> <Time value={m.timestamp} />:{" "}
              <span className={`whitespace-pre-wrap break-words ${m.deletedAt ? "text-slate-500 line-through" : ""}`}>{m.content}</span>
              {m.deletedAt ? <span className="ml-1 text-xs text-red-700 dark:text-red-400">(deleted)</span> : null}
            </li>
          ))}
        </ol>
      ) : null}
      <p className="text-sm text-slate-600 dark:text-slate-400">
        {report.priorCount === 0
          ? `No other reports against ${report.reported.username}.`
          : `${report.priorCount} other ${report.priorCount === 1 ? "report" : "reports"} against ${report.reported.username}: ${report.prior
              .map((p) => `#${p.id} ${reasonLabel(p.reason)} (${p.status})`)
              .join(", ")}`}
      </p>
      <ActionForm action={resolveReportAction} fields={{ report_id: report.id }} submitLabel="Resolve" submitName={`Resolve report ${report.id}`}>
        <label htmlFor={`action-${report.id}`} className="sr-only">
          Action for report {report.id}
        </label>
        <select
          id={`action-${report.id}`}
          name="action"
          defaultValue="dismiss"
          className="rounded border border-slate-300 bg-white px-1 py-0.5 text-xs dark:border-slate-700 dark:bg-slate-900"
        >
          <option value="dismiss">Dismiss</option>
          {report.messageId ? <option value="delete_message">Delete message</option> : null}
          <option value="warn">Warn {report.reported.username}</option>
          <option value="suspend">Suspend {report.reported.username}</option>
        </select>
        <DurationField id={`duration-${report.id}`} label={`Suspension length for report ${report.id}`} />
        <NoteField id={`note-${report.id}`} label={`Note for report ${report.id}`} />
      </ActionForm>
    </article>
  );
}
