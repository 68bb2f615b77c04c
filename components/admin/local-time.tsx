"use client";
// A time in the viewer's time zone. The server has no idea of it, so the server's HTML and the
// hydrating render show UTC (the server snapshot); React then re-renders with the browser's zone.
import { useSyncExternalStore } from "react";
import { formatDateTime, formatLocalDateTime } from "@/components/admin/format";

const noSubscription = () => () => {};

export function LocalTime({ iso }: { iso: string }) {
  const inBrowser = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  const date = new Date(iso);
  return (
    <time dateTime={iso} title={formatDateTime(date)}>
      {inBrowser ? formatLocalDateTime(date) : formatDateTime(date)}
    </time>
  );
}
