// /admin/users/{id}: one person: rooms, reports by and against them, suspensions (suspend, lift), last active, messages per day.
import type { Metadata } from "next";
import Link from "next/link";
import { liftSuspensionAction, suspendUserAction } from "@/app/admin/moderation-actions";
import { ActionForm } from "@/components/admin/action-form";
import { AdminSection } from "@/components/admin/admin-section";
import { BarChart } from "@/components/admin/bar-chart";
import { DurationField, NoteField } from "@/components/admin/moderation-fields";
import { UserReportsTable } from "@/components/admin/user-reports-table";
import { DataTable, EmptyRow, Td, Th } from "@/components/admin/data-table";
import { Time } from "@/components/admin/time";
import { rowIdParam } from "@/lib/chat/schemas";
import { notFound as notFoundError } from "@/lib/errors";
import { adminPage } from "@/lib/admin/page";
import { getAdminUserDetail } from "@/lib/admin/user-detail";

export const metadata: Metadata = { title: "User" };
export const dynamic = "force-dynamic";

const link = "text-sky-700 hover:underline dark:text-sky-400";

export default async function AdminUserPage({ params }: { params: Promise<{ userId: string }> }) {
  const { userId } = await params;
  const { admin, detail } = await adminPage("/admin/users/{id}", async (admin) => {
    const id = rowIdParam.safeParse(userId);
    if (!id.success) throw notFoundError("User not found");
    return { admin, detail: await getAdminUserDetail(admin, id.data) };
  });
  const { user, rooms, suspensions } = detail;
  const suspended = suspensions.some((s) => s.active);
  return (
    <>
      <div>
        <Link href="/admin/users" className={link}>
          ← All users
        </Link>
        <h1 className="mt-1 text-2xl font-semibold">{user.username}</h1>
        <p className="text-sm text-slate-500 dark:text-slate-400">
          #{user.id} · {user.name} · {user.email} · {user.role} · {user.isActive ? "active" : "deactivated"}
          {suspended ? " · suspended" : ""} · joined <Time value={user.createdAt} /> · last active <Time value={detail.lastActive} />
        </p>
      </div>
      <AdminSection id="suspensions" title="Suspensions">
        {user.id === admin.id || suspended ? null : (
          <ActionForm
            action={suspendUserAction}
            fields={{ user_id: user.id }}
            submitLabel="Suspend"
            submitName={`Suspend ${user.username}`}
            tone="danger"
          >
            <DurationField id="suspend-duration" label="Suspension length" required />
            <NoteField id="suspend-note" label="Reason shown to the person" />
          </ActionForm>
        )}
        <DataTable
          caption="Suspensions, newest first"
          head={
            <>
              <Th>From</Th>
              <Th>Until</Th>
              <Th>Reason</Th>
              <Th>By</Th>
              <Th>State</Th>
            </>
          }
        >
          {suspensions.length === 0 ? <EmptyRow columns={5}>Never suspended.</EmptyRow> : null}
          {suspensions.map((s) => (
            <tr key={s.id}>
              <Td>
                <Time value={s.createdAt} />
              </Td>
              <Td>{s.endsAt ? <Time value={s.endsAt} /> : "Until lifted"}</Td>
              <Td>{s.reason}</Td>
              <Td>{s.createdBy?.username ?? "–"}</Td>
              <Td>
                {s.active ? (
                  <ActionForm
                    action={liftSuspensionAction}
                    fields={{ suspension_id: s.id }}
                    submitLabel="Lift"
                    submitName={`Lift suspension ${s.id}`}
                  >
                    <NoteField id={`lift-note-${s.id}`} label={`Note for lifting suspension ${s.id}`} />
                  </ActionForm>
                ) : s.liftedAt ? (
                  <>
                    Lifted <Time value={s.liftedAt} /> by {s.liftedBy?.username ?? "–"}
                  </>
                ) : (
                  "Ended"
                )}
              </Td>
            </tr>
          ))}
        </DataTable>
      </AdminSection>
      <AdminSection id="per-day" title="Messages sent">
        <BarChart
          title="Per day, last 30 days (UTC)"
          bars={detail.perDay.map((p) => ({ label: `${p.day.getUTCDate()}/${p.day.getUTCMonth() + 1}`, value: p.count }))}
          labelEvery={5}
        />
      </AdminSection>
      <AdminSection id="reports-against" title="Reports against them">
        <UserReportsTable caption={`Reports against ${user.username}`} otherLabel="Reporter" reports={detail.reportsAgainst} />
      </AdminSection>
      <AdminSection id="reports-by" title="Reports they made">
        <UserReportsTable caption={`Reports by ${user.username}`} otherLabel="Reported" reports={detail.reportsBy} />
      </AdminSection>
      <AdminSection id="rooms" title="Rooms">
        <DataTable
          caption={`Rooms of ${user.username}`}
          head={
            <>
              <Th>Room</Th>
              <Th>Kind</Th>
              <Th>Last seen</Th>
              <Th>Joined</Th>
            </>
          }
        >
          {rooms.length === 0 ? <EmptyRow columns={4}>In no room.</EmptyRow> : null}
          {rooms.map((r) => (
            <tr key={r.id}>
              <Td>
                <Link href={`/admin/rooms/${r.id}`} className={link}>
                  {r.name}
                </Link>
              </Td>
              <Td>{r.kind}</Td>
              <Td>
                <Time value={r.lastSeen} />
              </Td>
              <Td>
                <Time value={r.joinedAt} />
              </Td>
            </tr>
          ))}
        </DataTable>
      </AdminSection>
    </>
  );
}
