// /admin/search: messages in every room by words, person, room and dates, each linked to its room at that message.
import type { Metadata } from "next";
import Link from "next/link";
import { DataTable, EmptyRow, Td, Th } from "@/components/admin/data-table";
import { Time } from "@/components/admin/time";
import { HighlightedText } from "@/components/ui/highlighted-text";
import { searchAdminMessages } from "@/lib/admin/message-search";
import { adminPage } from "@/lib/admin/page";
import { pageQuery, type SearchParams } from "@/lib/admin/page-query";
import { messageSearchQuerySchema } from "@/lib/admin/schemas";
import { AppError } from "@/lib/errors";

export const metadata: Metadata = { title: "Search messages" };
export const dynamic = "force-dynamic";

const input = "rounded border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-700 dark:bg-slate-900";

function Field({ id, label, children }: { id: string; label: string; children: React.ReactNode }) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      {children}
    </div>
  );
}

export default async function AdminSearchPage({ searchParams }: { searchParams: SearchParams }) {
  const query = await pageQuery(searchParams, messageSearchQuerySchema);
  const asked = Boolean(query.q || query.user || query.room_id);
  const result = await adminPage("/admin/search", async (admin) => {
    if (!asked) return null;
    try {
      return await searchAdminMessages(admin, query);
    } catch (error) {
      if (error instanceof AppError && error.code === "invalid_input") return { problem: error.message };
      throw error;
    }
  });
  const { cursor: _, ...filters } = query;
  const defined = Object.fromEntries(
    Object.entries(filters)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => [k, String(v)]),
  );
  const next =
    result && "nextCursor" in result && result.nextCursor ? `/admin/search?${new URLSearchParams({ ...defined, cursor: result.nextCursor })}` : null;
  return (
    <>
      <h1 className="text-2xl font-semibold">Search messages</h1>
      <search>
        <form method="get" className="flex flex-wrap items-end gap-3">
          <Field id="search-q" label="Words">
            <input id="search-q" name="q" type="search" defaultValue={query.q} maxLength={200} className={`w-64 ${input}`} />
          </Field>
          <Field id="search-user" label="Sent by (username)">
            <input id="search-user" name="user" defaultValue={query.user} maxLength={40} className={`w-40 ${input}`} />
          </Field>
          <Field id="search-room" label="Room id">
            <input id="search-room" name="room_id" inputMode="numeric" pattern="[0-9]*" defaultValue={query.room_id} className={`w-24 ${input}`} />
          </Field>
          <Field id="search-from" label="From (UTC)">
            <input id="search-from" name="from" type="date" defaultValue={query.from} className={input} />
          </Field>
          <Field id="search-to" label="To (UTC)">
            <input id="search-to" name="to" type="date" defaultValue={query.to} className={input} />
          </Field>
          <button type="submit" className="rounded bg-slate-800 px-3 py-1.5 text-sm text-white dark:bg-slate-200 dark:text-slate-900">
            Search
          </button>
        </form>
      </search>
      {!asked ? <p className="text-sm text-slate-600 dark:text-slate-400">Give words, a person or a room; dates narrow it down.</p> : null}
      {result && "problem" in result ? (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {result.problem}
        </p>
      ) : null}
      {result && "hits" in result ? (
        <>
          <DataTable
            caption="Matching messages, newest first"
            head={
              <>
                <Th>When</Th>
                <Th>Room</Th>
                <Th>Sender</Th>
                <Th>Message</Th>
              </>
            }
          >
            {result.hits.length === 0 ? (
              <EmptyRow columns={4}>{result.unknownUser ? `No user is called ${query.user}.` : "No messages match."}</EmptyRow>
            ) : null}
            {result.hits.map((hit) => (
              <tr key={hit.id}>
                <Td>
                  <Time value={hit.timestamp} />
                </Td>
                <Td>
                  {/* A full page load: a client navigation would not make the row the :target that highlights it. */}
                  <a
                    href={`/admin/rooms/${hit.roomId}?before=${hit.id + 1}#message-${hit.id}`}
                    className="text-sky-700 hover:underline dark:text-sky-400"
                  >
                    {hit.roomName}
                  </a>
                  <span className="block text-xs text-slate-500 dark:text-slate-400">
                    #{hit.roomId} · message {hit.id}
                  </span>
                </Td>
                <Td>{hit.senderUsername}</Td>
                <Td>
                  <p className={`max-w-md whitespace-pre-wrap break-words ${hit.deletedAt ? "text-slate-400 line-through" : ""}`}>
                    <HighlightedText excerpt={hit.excerpt} highlights={hit.highlights} />
                  </p>
                  {hit.deletedAt ? <span className="text-xs text-slate-500">deleted</span> : null}
                </Td>
              </tr>
            ))}
          </DataTable>
          {next ? (
            <Link href={next} className="self-start text-sm text-sky-700 hover:underline dark:text-sky-400">
              Older matches
            </Link>
          ) : null}
        </>
      ) : null}
    </>
  );
}
