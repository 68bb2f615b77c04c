import { formatDateTime } from "@/components/admin/format";

export function Time({ value }: { value: Date | null }) {
  if (!value) return <span className="text-slate-400">–</span>;
  return <time dateTime={value.toISOString()}>{formatDateTime(value)}</time>;
}
