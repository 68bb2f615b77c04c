// The page-latency chart as hand-written SVG: p50 per depth for each variant, log-scale y.

export type Series = { label: string; color: string; dashed?: boolean; values: number[] };

const WIDTH = 720;
const HEIGHT = 420;
const MARGIN = { top: 56, right: 170, bottom: 56, left: 96 };

export function formatDepth(depth: number): string {
  if (depth >= 1_000_000 && depth % 1_000_000 === 0) return `${depth / 1_000_000}M`;
  if (depth >= 1_000 && depth % 1_000 === 0) return `${depth / 1_000}k`;
  return String(depth);
}

export function formatMs(ms: number): string {
  if (ms >= 100) return ms.toFixed(0);
  if (ms >= 10) return ms.toFixed(1);
  if (ms >= 1) return ms.toFixed(2);
  return ms.toFixed(3);
}

/** Decade gridline labels: 0.1 ms … 100 ms, then 1 s, 10 s. */
export function tickLabel(ms: number): string {
  return ms >= 1000 ? `${ms / 1000} s` : `${ms} ms`;
}

const escapeXml = (text: string) => text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");

export function pageLatencyChart(title: string, depths: number[], series: Series[]): string {
  const values = series.flatMap((s) => s.values).filter((v) => Number.isFinite(v) && v > 0);
  if (values.length === 0 || depths.length === 0) throw new Error("nothing to chart");
  const lowDecade = Math.floor(Math.log10(Math.min(...values)));
  const highDecade = Math.max(lowDecade + 1, Math.ceil(Math.log10(Math.max(...values))));
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const x = (i: number) => MARGIN.left + (depths.length === 1 ? plotWidth / 2 : (i * plotWidth) / (depths.length - 1));
  const y = (v: number) => MARGIN.top + plotHeight - ((Math.log10(v) - lowDecade) / (highDecade - lowDecade)) * plotHeight;
  const n = (v: number) => v.toFixed(1);

  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" font-family="system-ui, sans-serif" font-size="12" role="img">`,
    `<title>${escapeXml(title)}</title>`,
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="#ffffff"/>`,
    `<text x="${WIDTH / 2}" y="24" text-anchor="middle" font-size="15" font-weight="600">${escapeXml(title)}</text>`,
  ];
  for (let decade = lowDecade; decade <= highDecade; decade++) {
    const value = Number((10 ** decade).toPrecision(1));
    const gy = n(y(value));
    parts.push(`<line x1="${MARGIN.left}" x2="${MARGIN.left + plotWidth}" y1="${gy}" y2="${gy}" stroke="#dddddd"/>`);
    parts.push(`<text x="${MARGIN.left - 8}" y="${gy}" text-anchor="end" dominant-baseline="middle">${escapeXml(tickLabel(value))}</text>`);
  }
  depths.forEach((depth, i) => {
    parts.push(`<text x="${n(x(i))}" y="${MARGIN.top + plotHeight + 20}" text-anchor="middle">${formatDepth(depth)}</text>`);
  });
  parts.push(
    `<line x1="${MARGIN.left}" x2="${MARGIN.left}" y1="${MARGIN.top}" y2="${MARGIN.top + plotHeight}" stroke="#333333"/>`,
    `<line x1="${MARGIN.left}" x2="${MARGIN.left + plotWidth}" y1="${MARGIN.top + plotHeight}" y2="${MARGIN.top + plotHeight}" stroke="#333333"/>`,
    `<text x="${MARGIN.left + plotWidth / 2}" y="${HEIGHT - 14}" text-anchor="middle">depth (messages newer than the page)</text>`,
    `<text transform="translate(18 ${MARGIN.top + plotHeight / 2}) rotate(-90)" text-anchor="middle">p50 latency (log scale)</text>`,
  );
  series.forEach((s, index) => {
    const points = s.values.map((v, i) => ({ v, px: x(i) })).filter((p) => Number.isFinite(p.v) && p.v > 0);
    const dash = s.dashed ? ` stroke-dasharray="6 4"` : "";
    parts.push(
      `<polyline fill="none" stroke="${s.color}" stroke-width="2.5"${dash} points="${points.map((p) => `${n(p.px)},${n(y(p.v))}`).join(" ")}"/>`,
    );
    for (const p of points) {
      parts.push(
        `<circle cx="${n(p.px)}" cy="${n(y(p.v))}" r="4" fill="${s.color}"><title>${escapeXml(`${s.label}: ${formatMs(p.v)} ms`)}</title></circle>`,
      );
    }
    const ly = MARGIN.top + 10 + index * 22;
    const lx = MARGIN.left + plotWidth + 16;
    parts.push(
      `<line x1="${lx}" x2="${lx + 24}" y1="${ly}" y2="${ly}" stroke="${s.color}" stroke-width="2.5"${dash}/>`,
      `<text x="${lx + 30}" y="${ly}" dominant-baseline="middle">${escapeXml(s.label)}</text>`,
    );
  });
  parts.push("</svg>");
  return `${parts.join("\n")}\n`;
}
