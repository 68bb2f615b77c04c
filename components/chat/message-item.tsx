"use client";
import { memo } from "react";
import { MessageActions } from "@/components/chat/message-actions";
import { MessageAttachments } from "@/components/chat/message-attachments";
import { BlockedGate } from "@/components/chat/blocked-gate";
import { ContactMaskedNote } from "@/components/chat/contact-masked-note";
import { MessageText } from "@/components/chat/message-text";
import { ReplyQuote } from "@/components/chat/reply-quote";
import { Timestamp } from "@/components/chat/timestamp";
import { Avatar } from "@/components/ui/avatar";
import type { PendingMessage } from "@/lib/chat/client/pending";
import type { WireMessage } from "@/lib/wire/rest";
import type { WireAttachment } from "@/lib/wire/rest";

const NO_ATTACHMENTS: WireAttachment[] = [];

type MessageItemProps = {
  itemKey: string;
  message: WireMessage | null;
  pending: PendingMessage | null;
  own: boolean;
  senderName: string;
  /** Group rooms name the sender of each run of messages. */
  showSender: boolean;
  continued: boolean;
  onRetry?: (clientId: string) => void;
  onDiscard?: (clientId: string) => void;
  onEdit?: (messageId: number) => void;
  onDelete?: (messageId: number) => void;
  onReply?: (messageId: number) => void;
  /** Opens the original of a reply's quote. */
  onJump?: (messageId: number) => void;
  /** Briefly marked: the message a quote or a search result led to. */
  highlighted?: boolean;
};

function Status({ pending }: { pending: PendingMessage | null }) {
  if (!pending) return <span>Sent</span>;
  if (pending.status === "sending") return <span>Sending</span>;
  return <span className="font-semibold">Failed</span>;
}

export const MessageItem = memo(function MessageItem({
  itemKey,
  message,
  pending,
  own,
  senderName,
  showSender,
  continued,
  onRetry,
  onDiscard,
  onEdit,
  onDelete,
  onReply,
  onJump,
  highlighted = false,
}: MessageItemProps) {
  const content = message?.content ?? pending?.content ?? "";
  const timestamp = message?.timestamp ?? pending?.created_at ?? "";
  const deleted = message?.deleted ?? false;
  const quote = message?.reply_to ?? pending?.reply_to ?? null;
  const attachments = message?.attachments ?? pending?.attachments ?? NO_ATTACHMENTS;
  const failed = pending?.status === "failed";
  const senderId = message?.sender.id ?? 0;
  const messageId = message?.id;
  const actions =
    messageId !== undefined && !deleted ? (
      <MessageActions
        own={own}
        sentAt={timestamp}
        align={own ? "end" : "start"}
        onReply={() => onReply?.(messageId)}
        onEdit={() => onEdit?.(messageId)}
        onDelete={() => onDelete?.(messageId)}
        report={own ? undefined : { messageId, senderName }}
      />
    ) : null;
  const bubble = own
    ? `bg-indigo-600 text-white ${failed ? "ring-2 ring-red-500 ring-offset-1 dark:ring-offset-slate-900" : ""} ${pending?.status === "sending" ? "opacity-80" : ""}`
    : "bg-slate-100 text-slate-900 dark:bg-slate-800 dark:text-slate-100";
  const corner = own ? (continued ? "rounded-2xl rounded-tr-md" : "rounded-2xl") : continued ? "rounded-2xl rounded-tl-md" : "rounded-2xl";

  return (
    <li
      data-key={itemKey}
      data-message-id={message ? message.id : pending?.client_id}
      aria-current={highlighted || undefined}
      className={`flex gap-2 px-3 transition-colors duration-700 md:px-6 ${own ? "justify-end" : "justify-start"} ${continued ? "mt-0.5" : "mt-3"} ${highlighted ? "bg-amber-100 dark:bg-amber-500/20" : ""}`}
    >
      {!own && showSender ? (
        <div className="w-8 shrink-0 pt-5">{continued ? null : <Avatar name={senderName} seed={senderId} size="sm" />}</div>
      ) : null}
      <div className={`flex max-w-[min(80%,40rem)] min-w-0 flex-col ${own ? "items-end" : "items-start"}`}>
        {!own && showSender && !continued ? (
          <span className="mb-1 px-1 text-xs font-medium text-slate-700 dark:text-slate-300">{senderName}</span>
        ) : null}
        <div className={`flex items-start gap-1 ${own ? "flex-row" : "flex-row-reverse"}`}>
          {actions}
          <div className={`px-3.5 py-2 text-[15px] leading-snug shadow-xs ${corner} ${bubble}`}>
            <span className="sr-only">{own ? "You" : senderName}: </span>
            <BlockedGate senderId={senderId} own={own}>
              {quote && !deleted ? <ReplyQuote quote={quote} own={own} onJump={onJump} /> : null}
              {deleted ? (
                <p className="italic opacity-80">This message was deleted.</p>
              ) : (
                <>
                  {attachments.length ? <MessageAttachments attachments={attachments} tone={own ? "own" : "other"} /> : null}
                  {content || !attachments.length ? (
                    <MessageText text={content} tone={own ? "own" : "other"} mentions={message?.mentions ?? pending?.mentions} />
                  ) : null}
                </>
              )}
            </BlockedGate>
            <span
              className={`mt-0.5 flex items-center justify-end gap-1.5 text-[11px] ${own ? "text-indigo-100" : "text-slate-600 dark:text-slate-400"}`}
            >
              {message?.edited_at && !deleted ? <span>(edited)</span> : null}
              {timestamp ? <Timestamp iso={timestamp} variant="message" /> : null}
              {own ? (
                <>
                  <span aria-hidden="true">·</span>
                  <Status pending={pending} />
                </>
              ) : null}
            </span>
          </div>
        </div>
        {own && message?.contact_masked ? <ContactMaskedNote /> : null}
        {failed && pending ? (
          <div className="mt-1 flex items-center gap-1 text-xs">
            <span className="text-red-700 dark:text-red-400">{pending.error ?? "Not sent."}</span>
            <button
              type="button"
              onClick={() => onRetry?.(pending.client_id)}
              className="rounded-md px-2 py-1 font-semibold text-indigo-700 hover:bg-indigo-50 dark:text-indigo-300 dark:hover:bg-indigo-500/15"
            >
              Retry
            </button>
            <button
              type="button"
              onClick={() => onDiscard?.(pending.client_id)}
              className="rounded-md px-2 py-1 font-semibold text-slate-700 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800"
            >
              Delete
            </button>
          </div>
        ) : null}
      </div>
    </li>
  );
});
