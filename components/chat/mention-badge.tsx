// The room list's "@": unread messages in this room mention me.
export function MentionBadge({ count }: { count: number }) {
  if (count <= 0) return null;
  return (
    <span className="inline-flex size-5 items-center justify-center rounded-full bg-amber-400 text-xs font-bold text-amber-950" title="Mentioned you">
      <span aria-hidden="true">@</span>
      <span className="sr-only">mentioned you</span>
    </span>
  );
}
