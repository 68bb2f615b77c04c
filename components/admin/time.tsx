import { LocalTime } from "@/components/admin/local-time";

export function Time({ value }: { value: Date | null }) {
  if (!value) return <span className="text-slate-400">–</span>;
  return <LocalTime iso={value.toISOString()} />;
}
