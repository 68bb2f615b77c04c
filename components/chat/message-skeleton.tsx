import { Skeleton } from "@/components/ui/skeleton";

const ROWS = [
  { own: false, width: "w-56" },
  { own: false, width: "w-40" },
  { own: true, width: "w-64" },
  { own: false, width: "w-72" },
  { own: true, width: "w-48" },
  { own: true, width: "w-32" },
  { own: false, width: "w-52" },
];

/** Placeholder bubbles while a room's messages load. */
export function MessageSkeleton() {
  return (
    <div role="status" aria-label="Loading messages" className="flex min-h-0 flex-1 flex-col justify-end gap-3 px-4 py-4 md:px-6">
      {ROWS.map((row, i) => (
        <div key={i} className={`flex ${row.own ? "justify-end" : "justify-start"}`}>
          <Skeleton className={`h-10 rounded-2xl ${row.width}`} />
        </div>
      ))}
    </div>
  );
}
