// /admin/users: search, deactivate or reactivate, change role.
import type { Metadata } from "next";
import Link from "next/link";
import { changeRoleAction, deactivateUserAction, reactivateUserAction } from "@/app/admin/actions";
import { ActionForm } from "@/components/admin/action-form";
import { DataTable, EmptyRow, Td, Th } from "@/components/admin/data-table";
import { Time } from "@/components/admin/time";
import { adminPage } from "@/lib/admin/page";
import { pageQuery, type SearchParams } from "@/lib/admin/page-query";
import { userListQuerySchema } from "@/lib/admin/schemas";
import { listUsers } from "@/lib/admin/users";

export const metadata: Metadata = { title: "Users" };
export const dynamic = "force-dynamic";

export default async function AdminUsersPage({ searchParams }: { searchParams: SearchParams }) {
  const query = await pageQuery(searchParams, userListQuerySchema);
  const { admin, page } = await adminPage("/admin/users", async (admin) => ({ admin, page: await listUsers(admin, query) }));
  const next = page.nextAfter ? `/admin/users?${new URLSearchParams({ ...(query.q ? { q: query.q } : {}), after: String(page.nextAfter) })}` : null;
  return (
    <>
      <h1 className="text-2xl font-semibold">Users</h1>
      <search>
        <form method="get" className="flex items-end gap-2">
          <div className="flex flex-col gap-1">
            <label htmlFor="user-search" className="text-sm font-medium">
              Search by username, name or email
            </label>
            <input
              id="user-search"
              name="q"
              type="search"
              defaultValue={query.q}
              maxLength={100}
              className="w-72 rounded border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-700 dark:bg-slate-900"
            />
          </div>
          <button type="submit" className="rounded bg-slate-800 px-3 py-1.5 text-sm text-white dark:bg-slate-200 dark:text-slate-900">
            Search
          </button>
        </form>
      </search>
      <DataTable
        caption="Users"
        head={
          <>
            <Th>User</Th>
            <Th>Email</Th>
            <Th>Joined</Th>
            <Th align="right">Rooms</Th>
            <Th>Status</Th>
            <Th>Role</Th>
          </>
        }
      >
        {page.users.length === 0 ? <EmptyRow columns={6}>No users match.</EmptyRow> : null}
        {page.users.map((user) => {
          const self = user.id === admin.id;
          return (
            <tr key={user.id}>
              <Td>
                <Link href={`/admin/users/${user.id}`} className="font-medium text-sky-700 hover:underline dark:text-sky-400">
                  {user.username}
                </Link>
                <span className="block text-xs text-slate-500 dark:text-slate-400">
                  #{user.id} · {user.name}
                </span>
              </Td>
              <Td>{user.email}</Td>
              <Td>
                <Time value={user.createdAt} />
              </Td>
              <Td align="right">{user.rooms}</Td>
              <Td>
                <span className={user.isActive ? "text-emerald-700 dark:text-emerald-400" : "text-red-700 dark:text-red-400"}>
                  {user.isActive ? "Active" : "Deactivated"}
                </span>
                {self ? null : (
                  <ActionForm
                    action={user.isActive ? deactivateUserAction : reactivateUserAction}
                    fields={{ user_id: user.id }}
                    submitLabel={user.isActive ? "Deactivate" : "Reactivate"}
                    submitName={`${user.isActive ? "Deactivate" : "Reactivate"} ${user.username}`}
                    tone={user.isActive ? "danger" : "neutral"}
                  />
                )}
              </Td>
              <Td>
                {self ? (
                  <span>{user.role} (you)</span>
                ) : (
                  <ActionForm action={changeRoleAction} fields={{ user_id: user.id }} submitLabel="Save" submitName={`Save role of ${user.username}`}>
                    <label htmlFor={`role-${user.id}`} className="sr-only">
                      Role of {user.username}
                    </label>
                    <select
                      id={`role-${user.id}`}
                      name="role"
                      defaultValue={user.role}
                      className="rounded border border-slate-300 bg-white px-1 py-0.5 text-xs dark:border-slate-700 dark:bg-slate-900"
                    >
                      <option value="USER">User</option>
                      <option value="ADMIN">Admin</option>
                    </select>
                  </ActionForm>
                )}
              </Td>
            </tr>
          );
        })}
      </DataTable>
      {next ? (
        <Link href={next} className="text-sm text-sky-700 hover:underline dark:text-sky-400">
          Next page
        </Link>
      ) : null}
    </>
  );
}
