// One line per plan from EXPLAIN (FORMAT JSON): the node chain down the first child, e.g.
// "Limit → Index Scan using chat_room_id_idx".

type PlanNode = { "Node Type"?: string; "Index Name"?: string; "Relation Name"?: string; Plans?: PlanNode[] };

function node(plan: PlanNode): string {
  const type = plan["Node Type"] ?? "?";
  if (plan["Index Name"]) return `${type} using ${plan["Index Name"]}`;
  if (plan["Relation Name"] && type.includes("Scan")) return `${type} on ${plan["Relation Name"]}`;
  return type;
}

/** Accepts the EXPLAIN column as the driver returns it: parsed JSON or its text. */
export function planSummary(explained: unknown): string {
  const parsed: unknown = typeof explained === "string" ? JSON.parse(explained) : explained;
  const root = Array.isArray(parsed) ? (parsed[0] as { Plan?: PlanNode } | undefined)?.Plan : undefined;
  if (!root) return "unknown plan";
  const chain: string[] = [];
  for (let current: PlanNode | undefined = root; current; current = current.Plans?.[0]) chain.push(node(current));
  return chain.join(" → ");
}
