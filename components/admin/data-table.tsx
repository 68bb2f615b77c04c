// Table primitives for admin pages: one look everywhere, a caption for screen readers.
import type { ReactNode } from "react";

export function DataTable({ caption, head, children }: { caption: string; head: ReactNode; children: ReactNode }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 dark:border-slate-800">
      <table className="min-w-full divide-y divide-slate-200 text-sm dark:divide-slate-800">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-50 dark:bg-slate-900">
          <tr>{head}</tr>
        </thead>
        <tbody className="divide-y divide-slate-100 dark:divide-slate-800">{children}</tbody>
      </table>
    </div>
  );
}

export function Th({ children, align = "left" }: { children: ReactNode; align?: "left" | "right" }) {
  return (
    <th scope="col" className={`px-3 py-2 font-medium text-slate-600 dark:text-slate-300 ${align === "right" ? "text-right" : "text-left"}`}>
      {children}
    </th>
  );
}

export function Td({ children, align = "left" }: { children: ReactNode; align?: "left" | "right" }) {
  return <td className={`px-3 py-2 align-top ${align === "right" ? "text-right tabular-nums" : ""}`}>{children}</td>;
}

export function EmptyRow({ columns, children }: { columns: number; children: ReactNode }) {
  return (
    <tr>
      <td colSpan={columns} className="px-3 py-6 text-center text-slate-500 dark:text-slate-400">
        {children}
      </td>
    </tr>
  );
}
