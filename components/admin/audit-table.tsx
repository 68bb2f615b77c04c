import type { AuditEntry } from "@/lib/admin/audit";
import { DataTable, EmptyRow, Td, Th } from "@/components/admin/data-table";
import { Time } from "@/components/admin/time";

const ACTIONS: Record<string, string> = {
  "message.delete": "Deleted message",
  "user.deactivate": "Deactivated user",
  "user.suspend": "Suspended user",
  "user.unsuspend": "Lifted suspension",
  "report.resolve": "Resolved report",
  "user.reactivate": "Reactivated user",
  "user.role": "Changed role",
  "user.promote": "Made admin (command line)",
};

export function AuditTable({ entries, caption }: { entries: AuditEntry[]; caption: string }) {
  return (
    <DataTable
      caption={caption}
      head={
        <>
          <Th>When</Th>
          <Th>Who</Th>
          <Th>What</Th>
          <Th>Target</Th>
          <Th>Details</Th>
        </>
      }
    >
      {entries.length === 0 ? <EmptyRow columns={5}>No moderation actions yet.</EmptyRow> : null}
      {entries.map((e) => (
        <tr key={e.id}>
          <Td>
            <Time value={e.createdAt} />
          </Td>
          <Td>{e.actor?.username ?? "command line"}</Td>
          <Td>{ACTIONS[e.action] ?? e.action}</Td>
          <Td>
            {e.targetType} #{e.targetId}
          </Td>
          <Td>
            <code className="text-xs text-slate-600 dark:text-slate-400">{JSON.stringify(e.details)}</code>
          </Td>
        </tr>
      ))}
    </DataTable>
  );
}
