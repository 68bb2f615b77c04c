"use client";
// The scrollable messages of a room: older pages load near the top (or with the button),
// day separators, the "New messages" divider, and "Jump to latest" when scrolled up.
import { Fragment, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import { DaySeparator, HistoryEdge, NewerEdge, UnreadDivider } from "@/components/chat/message-list-markers";
import { MessageItem } from "@/components/chat/message-item";
import { SeenReceipt } from "@/components/chat/seen-receipt";
import { distanceFromBottom, ScrollKeeper, scrollToBottom } from "@/components/chat/scroll-keeper";
import { ArrowDownIcon } from "@/components/ui/icons";
import { useChatState, useChatStore } from "@/hooks/use-chat-store";
import { useTimeZone } from "@/hooks/use-clock";
import type { PendingMessage } from "@/lib/chat/client/pending";
import { loadNewer, loadOlder } from "@/lib/chat/client/sync";
import type { Timeline } from "@/lib/chat/client/timeline";
import { timelineItems } from "@/lib/chat/client/timeline-items";
import type { RoomMember } from "@/lib/chat/rooms";
import type { WireReadMark } from "@/lib/wire/rest";

const LOAD_OLDER_WITHIN_PX = 600;
const SHOW_JUMP_FROM_PX = 400;
const NO_MEMBERS: RoomMember[] = [];
const HIGHLIGHT_MS = 3000;

type MessageListProps = {
  roomId: number;
  timeline: Timeline;
  pending: PendingMessage[];
  showSenders: boolean;
  initialReadMarks: WireReadMark[];
  /** Grows with each message sent from this tab: the view follows it to the bottom. */
  sendCount: number;
  onRetry: (clientId: string) => void;
  onDiscard: (clientId: string) => void;
  onEdit: (messageId: number) => void;
  onDelete: (messageId: number) => void;
  onReply: (messageId: number) => void;
  onJump: (messageId: number) => void;
  /** A message to bring into view, focus and highlight briefly (`at` tells two requests apart). */
  focus: { id: number; at: number } | null;
};

export function MessageList({
  roomId,
  timeline,
  pending,
  showSenders,
  initialReadMarks,
  sendCount,
  onRetry,
  onDiscard,
  onEdit,
  onDelete,
  onReply,
  onJump,
  focus,
}: MessageListProps) {
  const store = useChatStore();
  const me = useChatState((s) => s.me.id);
  const members = useChatState((s) => s.members[roomId]) ?? NO_MEMBERS;
  const group = useChatState((s) => s.rooms.find((r) => r.id === roomId)?.kind === "GROUP");
  const timeZone = useTimeZone();
  const container = useRef<HTMLElement>(null);
  const list = useRef<HTMLOListElement>(null);
  const [away, setAway] = useState(false);
  /** The newest message id when the reader left the bottom; newer ones from others are "missed". */
  const [seenUpTo, setSeenUpTo] = useState<number | null>(null);
  const newerEdge = useRef<HTMLLIElement>(null);
  const [highlighted, setHighlighted] = useState<number | null>(null);
  const highlightedFor = useRef<typeof focus>(null);

  const items = useMemo(
    () => timelineItems(timeline.messages, pending, timeline.firstUnreadId, me, timeZone),
    [timeline.messages, pending, timeline.firstUnreadId, me, timeZone],
  );
  const names = useMemo(() => new Map(members.map((m) => [m.id, m.name])), [members]);
  const newest = timeline.messages.at(-1)?.id ?? null;
  const lastOwnId = timeline.messages.findLast((m) => m.sender.id === me && !m.deleted)?.id ?? null;

  useLayoutEffect(() => store.setReadMarks(roomId, initialReadMarks), [store, roomId, initialReadMarks]);
  const newestKey = items.at(-1)?.key ?? null;
  const missed = seenUpTo === null ? 0 : timeline.messages.filter((m) => m.id > seenUpTo && m.sender.id !== me).length;

  const older = useCallback(() => void loadOlder(store, roomId), [store, roomId]);
  const newer = useCallback(() => void loadNewer(store, roomId), [store, roomId]);
  const gapAfter = timeline.gap?.afterId ?? null;

  const onScroll = useCallback(() => {
    const el = container.current;
    const ol = list.current;
    if (!el || !ol) return;
    const fromBottom = distanceFromBottom(el, ol);
    setAway(fromBottom > SHOW_JUMP_FROM_PX);
    if (fromBottom <= 48) setSeenUpTo(null);
    else setSeenUpTo((current) => current ?? newest);
    const fromTop = el.getBoundingClientRect().top - ol.getBoundingClientRect().top;
    if (fromTop < LOAD_OLDER_WITHIN_PX && timeline.hasMoreOlder && !timeline.loadingOlder && !timeline.olderError) older();
    const edge = newerEdge.current;
    const edgeBelow = edge ? edge.getBoundingClientRect().top - el.getBoundingClientRect().bottom : Number.POSITIVE_INFINITY;
    if (edgeBelow < LOAD_OLDER_WITHIN_PX && !timeline.loadingNewer && !timeline.newerError) newer();
  }, [newest, older, newer, timeline.hasMoreOlder, timeline.loadingOlder, timeline.olderError, timeline.loadingNewer, timeline.newerError]);

  // Bring the requested message into view (centred), move keyboard focus to it, mark it briefly.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs per request, and again when the list changes until it is found
  useEffect(() => {
    if (!focus || highlightedFor.current === focus) return;
    const el = list.current?.querySelector<HTMLElement>(`[data-message-id="${focus.id}"]`);
    if (!el) return;
    highlightedFor.current = focus;
    el.scrollIntoView({ block: "center" });
    el.tabIndex = -1;
    el.focus({ preventScroll: true });
    setHighlighted(focus.id);
  }, [focus, items]);
  useEffect(() => {
    if (highlighted === null) return;
    const timer = setTimeout(() => setHighlighted(null), HIGHLIGHT_MS);
    return () => clearTimeout(timer);
  }, [highlighted]);

  // A short first page (or a tall screen) leaves nothing to scroll: keep loading until it fills.
  // biome-ignore lint/correctness/useExhaustiveDependencies: re-check after every change of the list
  useEffect(() => onScroll(), [items, onScroll]);

  const jump = () => {
    if (container.current && list.current) scrollToBottom(container.current, list.current);
    setSeenUpTo(null);
  };

  return (
    <div className="relative flex min-h-0 flex-1 flex-col">
      {/* column-reverse: the browser opens it at the bottom, before any script runs. */}
      <section
        ref={container}
        onScroll={onScroll}
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable to scroll it by keyboard
        tabIndex={0}
        aria-label="Messages"
        className="flex min-h-0 flex-1 flex-col-reverse overflow-y-auto overscroll-contain [overflow-anchor:none] focus-visible:outline-offset-[-2px]"
      >
        <div className="pt-2 pb-3">
          <HistoryEdge
            hasMore={timeline.hasMoreOlder}
            loading={timeline.loadingOlder}
            error={timeline.olderError}
            onLoad={() => {
              store.setOlderLoading(roomId, false);
              older();
            }}
          />
          <ScrollKeeper container={container} list={list} version={items} sendCount={sendCount} newestKey={newestKey}>
            <ol ref={list} className="flex flex-col">
              {items.map((item) => {
                if (item.kind === "day") return <DaySeparator key={item.key} itemKey={item.key} timestamp={item.timestamp} />;
                if (item.kind === "unread") return <UnreadDivider key={item.key} itemKey={item.key} />;
                const message = item.kind === "message" ? item.message : null;
                const pendingItem = item.kind === "pending" ? item.pending : null;
                const senderId = message?.sender.id ?? me;
                return (
                  <Fragment key={item.key}>
                    <MessageItem
                      itemKey={item.key}
                      message={message}
                      pending={pendingItem}
                      own={senderId === me}
                      senderName={names.get(senderId) ?? message?.sender.username ?? ""}
                      showSender={showSenders}
                      continued={item.continued}
                      onRetry={onRetry}
                      onDiscard={onDiscard}
                      onEdit={onEdit}
                      onDelete={onDelete}
                      onReply={onReply}
                      onJump={onJump}
                      highlighted={message !== null && message.id === highlighted}
                    />
                    {message && message.id === gapAfter ? (
                      <NewerEdge
                        ref={newerEdge}
                        loading={timeline.loadingNewer}
                        error={timeline.newerError}
                        onLoad={() => {
                          store.setNewerLoading(roomId, false);
                          newer();
                        }}
                      />
                    ) : null}
                    {message && message.id === lastOwnId ? (
                      <SeenReceipt roomId={roomId} messageId={message.id} group={group} initialReadMarks={initialReadMarks} names={names} />
                    ) : null}
                  </Fragment>
                );
              })}
            </ol>
          </ScrollKeeper>
        </div>
      </section>
      {away || missed > 0 ? (
        <button
          type="button"
          onClick={jump}
          className="absolute right-4 bottom-3 inline-flex items-center gap-2 rounded-full border border-slate-200 bg-white px-3.5 py-2 text-sm font-medium text-slate-800 shadow-lg hover:bg-slate-50 md:right-6 dark:border-slate-700 dark:bg-slate-800 dark:text-slate-100 dark:hover:bg-slate-700"
        >
          <ArrowDownIcon width={16} height={16} />
          Jump to latest
          {missed > 0 ? (
            <span className="inline-flex h-5 min-w-5 items-center justify-center rounded-full bg-indigo-600 px-1.5 text-xs font-semibold text-white">
              {missed}
              <span className="sr-only"> new</span>
            </span>
          ) : null}
        </button>
      ) : null}
    </div>
  );
}
