import { splitLinks } from "@/lib/chat/client/links";

/** Plain text with clickable web links; whitespace and line breaks kept. */
export function MessageText({ text, tone }: { text: string; tone: "own" | "other" }) {
  const linkClass =
    tone === "own"
      ? "underline decoration-white/60 underline-offset-2 hover:decoration-white"
      : "text-indigo-700 underline decoration-indigo-700/40 underline-offset-2 hover:decoration-indigo-700 dark:text-indigo-300 dark:decoration-indigo-300/40";
  return (
    <p className="break-words whitespace-pre-wrap [overflow-wrap:anywhere]">
      {splitLinks(text).map((part, i) =>
        part.kind === "link" ? (
          <a key={i} href={part.href} target="_blank" rel="noopener noreferrer nofollow" className={linkClass}>
            {part.text}
          </a>
        ) : (
          <span key={i}>{part.text}</span>
        ),
      )}
    </p>
  );
}
