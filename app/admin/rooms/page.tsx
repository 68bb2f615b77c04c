// /admin/rooms: every room, most recently active first.
import type { Metadata } from "next";
import Link from "next/link";
import { DataTable, EmptyRow, Td, Th } from "@/components/admin/data-table";
import { Time } from "@/components/admin/time";
import { adminPage } from "@/lib/admin/page";
import { pageQuery, type SearchParams } from "@/lib/admin/page-query";
import { listAdminRooms } from "@/lib/admin/rooms";
import { roomListQuerySchema } from "@/lib/admin/schemas";

export const metadata: Metadata = { title: "Rooms" };
export const dynamic = "force-dynamic";

export default async function AdminRoomsPage({ searchParams }: { searchParams: SearchParams }) {
  const query = await pageQuery(searchParams, roomListQuerySchema);
  const page = await adminPage("/admin/rooms", (admin) => listAdminRooms(admin, query));
  return (
    <>
      <h1 className="text-2xl font-semibold">Rooms</h1>
      <DataTable
        caption="Rooms, most recently active first"
        head={
          <>
            <Th>Room</Th>
            <Th>Kind</Th>
            <Th align="right">People</Th>
            <Th>Last message</Th>
            <Th>Created</Th>
          </>
        }
      >
        {page.rooms.length === 0 ? <EmptyRow columns={5}>No rooms yet.</EmptyRow> : null}
        {page.rooms.map((room) => (
          <tr key={room.id}>
            <Td>
              <Link href={`/admin/rooms/${room.id}`} className="font-medium text-sky-700 hover:underline dark:text-sky-400">
                {room.name}
              </Link>
              <span className="block text-xs text-slate-500 dark:text-slate-400">
                #{room.id}
                {room.jobId ? ` · job ${room.jobId}` : ""}
              </span>
            </Td>
            <Td>{room.kind}</Td>
            <Td align="right">{room.participants}</Td>
            <Td>
              <Time value={room.lastMessageTime} />
            </Td>
            <Td>
              <Time value={room.createdAt} />
            </Td>
          </tr>
        ))}
      </DataTable>
      {page.nextCursor ? (
        <Link href={`/admin/rooms?cursor=${page.nextCursor}`} className="text-sm text-sky-700 hover:underline dark:text-sky-400">
          Next page
        </Link>
      ) : null}
    </>
  );
}
