"use client";
import { useNow, useTimeZone } from "@/hooks/use-clock";
import { fullDate, listTime, messageTime } from "@/lib/chat/client/format-time";

/** A relative time, with the full date on hover. */
export function Timestamp({ iso, variant, className = "" }: { iso: string; variant: "list" | "message"; className?: string }) {
  const now = useNow();
  const timeZone = useTimeZone();
  const text = variant === "list" ? listTime(iso, now, timeZone) : messageTime(iso, now, timeZone);
  return (
    <time dateTime={iso} title={fullDate(iso, timeZone)} className={className}>
      {text}
    </time>
  );
}
