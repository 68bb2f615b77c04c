"use client";
import { AlertIcon } from "@/components/ui/icons";
import { useChatState } from "@/hooks/use-chat-store";
import { REVOKED } from "@/lib/chat/client/connection-watch";
import type { ChatState } from "@/lib/chat/client/store";

const selectDegraded = (s: ChatState) => s.connection.degraded;
const selectRevoked = (s: ChatState) => s.connection.state === REVOKED;

/** Shown while the WebSocket is down and messages arrive by polling instead. */
export function ConnectionBanner() {
  const degraded = useChatState(selectDegraded);
  const revoked = useChatState(selectRevoked);
  return (
    <div role="status" aria-live="polite">
      {revoked ? (
        <div className="border-b border-amber-200 bg-amber-50 px-4 py-2 text-sm text-amber-900 dark:border-amber-500/30 dark:bg-amber-500/10 dark:text-amber-100">
          Live updates stopped: your session no longer has access. Reload the page.
        </div>
      ) : null}
      {degraded ? (
        <div className="flex items-center gap-2 border-b border-amber-200 bg-amber-50 px-4 py-2 text-sm text-amber-900 dark:border-amber-500/30 dark:bg-amber-500/10 dark:text-amber-100">
          <AlertIcon width={16} height={16} className="shrink-0" />
          <span>
            <strong className="font-semibold">Reconnecting…</strong> New messages may take a few seconds to appear.
          </span>
        </div>
      ) : null}
    </div>
  );
}
