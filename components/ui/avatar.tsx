// Initials on a colour picked from the id, so a person keeps their colour everywhere.
const COLOURS = [
  "bg-indigo-100 text-indigo-800 dark:bg-indigo-500/25 dark:text-indigo-200",
  "bg-emerald-100 text-emerald-800 dark:bg-emerald-500/25 dark:text-emerald-200",
  "bg-amber-100 text-amber-900 dark:bg-amber-500/25 dark:text-amber-200",
  "bg-rose-100 text-rose-800 dark:bg-rose-500/25 dark:text-rose-200",
  "bg-sky-100 text-sky-800 dark:bg-sky-500/25 dark:text-sky-200",
  "bg-violet-100 text-violet-800 dark:bg-violet-500/25 dark:text-violet-200",
  "bg-teal-100 text-teal-800 dark:bg-teal-500/25 dark:text-teal-200",
];

export function initials(name: string): string {
  const words = name
    .replace(/[^\p{L}\p{N} ]/gu, " ")
    .trim()
    .split(/\s+/)
    .filter(Boolean);
  if (words.length === 0) return "?";
  const letters = words.length === 1 ? words[0].slice(0, 2) : `${words[0][0]}${words.at(-1)![0]}`;
  return letters.toUpperCase();
}

const SIZES = { sm: "size-8 text-xs", md: "size-10 text-sm" } as const;

export function Avatar({
  name,
  seed,
  size = "md",
  online,
}: {
  name: string;
  seed: number;
  size?: keyof typeof SIZES;
  /** Shows a presence dot when defined. */
  online?: boolean;
}) {
  return (
    <span className="relative inline-flex shrink-0" aria-hidden="true">
      <span
        className={`inline-flex items-center justify-center rounded-full font-semibold ${SIZES[size]} ${COLOURS[Math.abs(seed) % COLOURS.length]}`}
      >
        {initials(name)}
      </span>
      {online === undefined ? null : (
        <span
          className={`absolute -right-0.5 -bottom-0.5 size-3 rounded-full border-2 border-white dark:border-slate-900 ${online ? "bg-emerald-500" : "bg-slate-300 dark:bg-slate-600"}`}
        />
      )}
    </span>
  );
}
