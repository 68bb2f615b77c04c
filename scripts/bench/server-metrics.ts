// Where a request's time goes on the server, from the app's own Prometheus histograms
// (GET /api/metrics with METRICS_TOKEN): the difference of each histogram's sum and count between
// two scrapes gives the mean over exactly the requests in between.
import type http from "node:http";
import { send } from "./http-session";
import { round } from "./stats";

type Scrape = Map<string, number>;

/** Sample name with its labels (as printed) -> value. */
export async function scrapeMetrics(agent: http.Agent, origin: string, token: string): Promise<Scrape> {
  const reply = await send(agent, `${origin}/api/metrics`, { method: "GET", headers: { authorization: `Bearer ${token}` } });
  if (reply.status !== 200) throw new Error(`GET /api/metrics: ${reply.status}`);
  const samples: Scrape = new Map();
  for (const line of reply.body.split("\n")) {
    if (!line || line.startsWith("#")) continue;
    const cut = line.lastIndexOf(" ");
    samples.set(line.slice(0, cut), Number(line.slice(cut + 1)));
  }
  return samples;
}

/** Mean milliseconds of a histogram between two scrapes (`labels` as Prometheus prints them, or ""). */
export function meanMs(before: Scrape, after: Scrape, histogram: string, labels = ""): number | null {
  const key = (suffix: string) => `${histogram}_${suffix}${labels ? `{${labels}}` : ""}`;
  const count = (after.get(key("count")) ?? 0) - (before.get(key("count")) ?? 0);
  const sum = (after.get(key("sum")) ?? 0) - (before.get(key("sum")) ?? 0);
  return count > 0 ? round((sum / count) * 1000, 2) : null;
}
