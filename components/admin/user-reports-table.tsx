// Reports by or against one person, on their admin page.
import Link from "next/link";
import { DataTable, EmptyRow, Td, Th } from "@/components/admin/data-table";
import { Time } from "@/components/admin/time";
import { REPORT_REASON_LABELS, type ReportReason } from "@/lib/moderation/schemas";

type Row = {
  id: number;
  reason: string;
  note: string | null;
  status: string;
  resolution: string | null;
  createdAt: Date;
  messageId: number | null;
  roomId: number | null;
  other: { id: number; username: string };
};

export function UserReportsTable({ caption, otherLabel, reports }: { caption: string; otherLabel: string; reports: Row[] }) {
  return (
    <DataTable
      caption={caption}
      head={
        <>
          <Th>When</Th>
          <Th>{otherLabel}</Th>
          <Th>Reason</Th>
          <Th>About</Th>
          <Th>State</Th>
        </>
      }
    >
      {reports.length === 0 ? <EmptyRow columns={5}>None.</EmptyRow> : null}
      {reports.map((r) => (
        <tr key={r.id}>
          <Td>
            <Time value={r.createdAt} />
          </Td>
          <Td>
            <Link href={`/admin/users/${r.other.id}`} className="text-sky-700 hover:underline dark:text-sky-400">
              {r.other.username}
            </Link>
          </Td>
          <Td>
            {REPORT_REASON_LABELS[r.reason as ReportReason] ?? r.reason}
            {r.note ? <span className="block text-xs text-slate-500 dark:text-slate-400">{r.note}</span> : null}
          </Td>
          <Td>
            {r.roomId ? (
              <Link
                href={`/admin/rooms/${r.roomId}${r.messageId ? `#message-${r.messageId}` : ""}`}
                className="text-sky-700 hover:underline dark:text-sky-400"
              >
                {r.messageId ? `message ${r.messageId}` : `room ${r.roomId}`}
              </Link>
            ) : (
              "the person"
            )}
          </Td>
          <Td>{r.status === "open" ? "Open" : `Resolved: ${r.resolution ?? "–"}`}</Td>
        </tr>
      ))}
    </DataTable>
  );
}
