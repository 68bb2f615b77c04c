"use client";
// The chat's dialogs (and the mention suggestions), loaded on first opening: most visits never open one, so their code (and
// the people search behind them) stays out of the room page's first load. SWR's session work
// loads right after hydration, out of the first load too.
import dynamic from "next/dynamic";

export const NewDirectDialog = dynamic(() => import("@/components/chat/new-direct-dialog").then((m) => m.NewDirectDialog), { ssr: false });
export const NewGroupDialog = dynamic(() => import("@/components/chat/new-group-dialog").then((m) => m.NewGroupDialog), { ssr: false });
export const MembersDialog = dynamic(() => import("@/components/chat/members-dialog").then((m) => m.MembersDialog), { ssr: false });
export const MessageSearchResults = dynamic(() => import("@/components/chat/message-search-results").then((m) => m.MessageSearchResults), {
  ssr: false,
});
export const ReplyBanner = dynamic(() => import("@/components/chat/reply-banner").then((m) => m.ReplyBanner), { ssr: false });
export const MentionSuggestions = dynamic(() => import("@/components/chat/mention-suggestions").then((m) => m.MentionSuggestions), { ssr: false });
/** Not part of the first paint: it shows only after the browser's permission was read. */
export const NotificationPrompt = dynamic(() => import("@/components/chat/notification-prompt").then((m) => m.NotificationPrompt), { ssr: false });
export const SwrSession = dynamic(() => import("@/components/chat/swr-session").then((m) => m.SwrSession), { ssr: false });
export const BlockButton = dynamic(() => import("@/components/chat/block-button").then((m) => m.BlockButton), { ssr: false });
export const MessageActionsMenu = dynamic(() => import("@/components/chat/message-actions-menu").then((m) => m.MessageActionsMenu), { ssr: false });
export const ReportDialog = dynamic(() => import("@/components/chat/report-dialog").then((m) => m.ReportDialog), { ssr: false });
