import { Fragment } from "react";
import { MentionName } from "@/components/chat/mention-name";
import { splitLinks } from "@/lib/chat/client/links";
import { splitMentions } from "@/lib/chat/mention-text";
import type { WireMention } from "@/lib/wire/rest";

const NO_MENTIONS: WireMention[] = [];

/** Plain text with clickable web links and mentions as names; whitespace and line breaks kept. */
export function MessageText({ text, tone, mentions = NO_MENTIONS }: { text: string; tone: "own" | "other"; mentions?: WireMention[] }) {
  const linkClass =
    tone === "own"
      ? "underline decoration-white/60 underline-offset-2 hover:decoration-white"
      : "text-indigo-700 underline decoration-indigo-700/40 underline-offset-2 hover:decoration-indigo-700 dark:text-indigo-300 dark:decoration-indigo-300/40";
  return (
    <p className="break-words whitespace-pre-wrap [overflow-wrap:anywhere]">
      {splitMentions(text, mentions).map((chunk, j) =>
        chunk.kind === "mention" ? (
          <MentionName key={j} user={chunk.user} tone={tone} />
        ) : (
          <Fragment key={j}>
            {splitLinks(chunk.text).map((part, i) =>
              part.kind === "link" ? (
                <a key={i} href={part.href} target="_blank" rel="noopener noreferrer nofollow" className={linkClass}>
                  {part.text}
                </a>
              ) : (
                <span key={i}>{part.text}</span>
              ),
            )}
          </Fragment>
        ),
      )}
    </p>
  );
}
