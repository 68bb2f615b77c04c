// /admin/rooms/{id}: the room, its people (unread counts, read marks) and its messages, with delete.
import type { Metadata } from "next";
import Link from "next/link";
import { changeRoomOwnerAction, deleteMessageAction } from "@/app/admin/actions";
import { ActionForm } from "@/components/admin/action-form";
import { AttachmentThumbs } from "@/components/admin/attachment-thumbs";
import { AdminSection } from "@/components/admin/admin-section";
import { DataTable, EmptyRow, Td, Th } from "@/components/admin/data-table";
import { Time } from "@/components/admin/time";
import { idParam } from "@/lib/chat/schemas";
import { notFound as notFoundError } from "@/lib/errors";
import { adminPage } from "@/lib/admin/page";
import { pageQuery, type SearchParams } from "@/lib/admin/page-query";
import { getAdminRoom } from "@/lib/admin/rooms";
import { roomDetailQuerySchema } from "@/lib/admin/schemas";
import { toWireAttachment } from "@/lib/wire/serialize";

export const metadata: Metadata = { title: "Room" };
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ roomId: string }>; searchParams: SearchParams };

export default async function AdminRoomPage({ params, searchParams }: Props) {
  const { roomId } = await params;
  const query = await pageQuery(searchParams, roomDetailQuerySchema);
  const { room, participants, messages, olderBefore } = await adminPage("/admin/rooms/{id}", async (admin) => {
    const id = idParam.safeParse(roomId);
    if (!id.success) throw notFoundError("Room not found");
    return getAdminRoom(admin, id.data, query);
  });
  return (
    <>
      <div>
        <Link href="/admin/rooms" className="text-sm text-sky-700 hover:underline dark:text-sky-400">
          ← All rooms
        </Link>
        <h1 className="mt-1 text-2xl font-semibold">{room.name}</h1>
        <p className="text-sm text-slate-500 dark:text-slate-400">
          #{room.id} · {room.kind}
          {room.jobId ? (
            <>
              {" · "}
              {/* The job's page shows admins its address and people (app/(chat)/jobs/[jobId]). */}
              <Link href={`/jobs/${room.jobId}`} className="text-sky-700 hover:underline dark:text-sky-400">
                job {room.jobId}
              </Link>
            </>
          ) : (
            ""
          )}{" "}
          · created <Time value={room.createdAt} /> · last message <Time value={room.lastMessageTime} />
        </p>
        <p className="mt-2 flex gap-3 text-sm">
          <span className="text-slate-500 dark:text-slate-400">Export every message (audit-logged):</span>
          <a href={`/api/admin/rooms/${room.id}/export?format=json`} download className="text-sky-700 hover:underline dark:text-sky-400">
            JSON
          </a>
          <a href={`/api/admin/rooms/${room.id}/export?format=csv`} download className="text-sky-700 hover:underline dark:text-sky-400">
            CSV
          </a>
        </p>
      </div>
      <AdminSection id="people" title="People">
        <DataTable
          caption="Participants with their read state"
          head={
            <>
              <Th>User</Th>
              <Th align="right">Unread</Th>
              <Th align="right">Read up to</Th>
              <Th>Last seen</Th>
              <Th>Joined</Th>
              {room.kind === "GROUP" ? <Th>Owner</Th> : null}
            </>
          }
        >
          {participants.length === 0 ? <EmptyRow columns={room.kind === "GROUP" ? 6 : 5}>Nobody is in this room.</EmptyRow> : null}
          {participants.map((p) => (
            <tr key={p.userId}>
              <Td>
                {p.username}
                {p.isActive ? null : <span className="ml-2 text-xs text-red-700 dark:text-red-400">deactivated</span>}
              </Td>
              <Td align="right">{p.unreadCount}</Td>
              <Td align="right">{p.lastReadMessageId ?? "–"}</Td>
              <Td>
                <Time value={p.lastSeen} />
              </Td>
              <Td>
                <Time value={p.joinedAt} />
              </Td>
              {room.kind === "GROUP" ? (
                <Td>
                  {p.userId === room.ownerId ? (
                    <span className="text-xs font-medium">Owner</span>
                  ) : (
                    <ActionForm
                      action={changeRoomOwnerAction}
                      fields={{ room_id: room.id, user_id: p.userId }}
                      submitLabel="Make owner"
                      submitName={`Make ${p.username} the owner`}
                    />
                  )}
                </Td>
              ) : null}
            </tr>
          ))}
        </DataTable>
      </AdminSection>
      <AdminSection id="messages" title="Messages, newest first">
        <DataTable
          caption="Messages in this room, newest first"
          head={
            <>
              <Th>Id</Th>
              <Th>Sent</Th>
              <Th>From</Th>
              <Th>Message</Th>
              <Th>Moderation</Th>
            </>
          }
        >
          {messages.length === 0 ? <EmptyRow columns={5}>No messages.</EmptyRow> : null}
          {messages.map((m) => (
            <tr key={m.id} id={`message-${m.id}`} className="target:bg-amber-50 dark:target:bg-amber-950">
              <Td>{m.id}</Td>
              <Td>
                <Time value={m.timestamp} />
              </Td>
              <Td>{m.senderUsername}</Td>
              <Td>
                <p className={`max-w-md whitespace-pre-wrap break-words ${m.deletedAt ? "text-slate-400 line-through" : ""}`}>{m.content}</p>
                <AttachmentThumbs attachments={m.attachments.map(toWireAttachment)} />
                {m.edits.length > 0 ? (
                  <details className="mt-1 max-w-md text-xs text-slate-600 dark:text-slate-400">
                    <summary>
                      Edited {m.edits.length === 1 ? "once" : `${m.edits.length} times`}, last <Time value={m.editedAt} />
                    </summary>
                    <ol aria-label={`Earlier versions of message ${m.id}`} className="mt-1 space-y-1">
                      {m.edits.map((e, i) => (
                        <li key={i} className="whitespace-pre-wrap break-words">
                          <Time value={e.editedAt} />: {e.oldContent}
                        </li>
                      ))}
                    </ol>
                  </details>
                ) : null}
              </Td>
              <Td>
                {m.deletedAt ? (
                  <span className="text-xs text-slate-500 dark:text-slate-400">
                    Deleted <Time value={m.deletedAt} />
                  </span>
                ) : (
                  <ActionForm
                    action={deleteMessageAction}
                    fields={{ message_id: m.id }}
                    submitLabel="Delete"
                    submitName={`Delete message ${m.id}`}
                    tone="danger"
                  >
                    <label htmlFor={`reason-${m.id}`} className="sr-only">
                      Reason for deleting message {m.id} (optional)
                    </label>
                    <input
                      id={`reason-${m.id}`}
                      name="reason"
                      maxLength={200}
                      placeholder="Reason (optional)"
                      className="w-36 rounded border border-slate-300 bg-white px-1 py-0.5 text-xs dark:border-slate-700 dark:bg-slate-900"
                    />
                  </ActionForm>
                )}
              </Td>
            </tr>
          ))}
        </DataTable>
        {olderBefore ? (
          <Link href={`/admin/rooms/${room.id}?before=${olderBefore}`} className="text-sm text-sky-700 hover:underline dark:text-sky-400">
            Older messages
          </Link>
        ) : null}
      </AdminSection>
    </>
  );
}
