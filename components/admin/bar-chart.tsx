// A bar chart drawn on the server as inline SVG (no chart library, no client JavaScript). The
// numbers are also in a table for screen readers.
import { formatNumber } from "@/components/admin/format";

export type Bar = { label: string; value: number };

const HEIGHT = 120;
const BAR = 12;
const GAP = 4;

export function BarChart({ title, bars, labelEvery = 1 }: { title: string; bars: Bar[]; labelEvery?: number }) {
  const max = Math.max(1, ...bars.map((b) => b.value));
  const width = bars.length * (BAR + GAP);
  const id = `chart-${title.replace(/\W+/g, "-").toLowerCase()}`;
  return (
    <figure className="rounded-lg border border-slate-200 p-4 dark:border-slate-800">
      <figcaption id={id} className="mb-2 text-sm font-medium">
        {title} <span className="font-normal text-slate-500 dark:text-slate-400">(max {formatNumber(max)})</span>
      </figcaption>
      <svg viewBox={`0 0 ${width} ${HEIGHT + 28}`} className="h-40 w-full" preserveAspectRatio="none" aria-hidden="true">
        <line x1={0} x2={width} y1={HEIGHT} y2={HEIGHT} className="stroke-slate-300 dark:stroke-slate-700" strokeWidth={1} />
        {bars.map((b, i) => {
          const h = (b.value / max) * HEIGHT;
          const x = i * (BAR + GAP);
          return (
            <g key={b.label}>
              <rect x={x} y={HEIGHT - h} width={BAR} height={h} rx={2} className="fill-sky-500 dark:fill-sky-400">
                <title>{`${b.label}: ${formatNumber(b.value)}`}</title>
              </rect>
              {i % labelEvery === 0 ? (
                <text x={x + BAR / 2} y={HEIGHT + 16} textAnchor="middle" fontSize={9} className="fill-slate-500 dark:fill-slate-400">
                  {b.label}
                </text>
              ) : null}
            </g>
          );
        })}
      </svg>
      <table className="sr-only" aria-labelledby={id}>
        <tbody>
          {bars.map((b) => (
            <tr key={b.label}>
              <th scope="row">{b.label}</th>
              <td>{b.value}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
