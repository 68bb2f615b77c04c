// Stops and restarts the embedded realtime server, or makes it refuse publish calls, through
// scripts/e2e-server.ts's control port.
async function call(action: "stop" | "start" | "fail-publishes" | "accept-publishes"): Promise<void> {
  const base = process.env.E2E_CONTROL_URL;
  if (!base) throw new Error("E2E_CONTROL_URL is not set (playwright.config.ts sets it)");
  const response = await fetch(`${base}/realtime/${action}`, { method: "POST" });
  if (!response.ok) throw new Error(`realtime ${action} failed: ${response.status} ${await response.text()}`);
}

export const stopRealtime = () => call("stop");
export const startRealtime = () => call("start");
/** Every publish call the app makes is refused with a 503 until acceptPublishes(). */
export const failPublishes = () => call("fail-publishes");
export const acceptPublishes = () => call("accept-publishes");

/** `count` messages from `senderEmail` into a room, "<prefix> 1".."<prefix> N", straight into the database (no events). */
export async function seedMessages(roomId: number, senderEmail: string, count: number, prefix: string): Promise<void> {
  const base = process.env.E2E_CONTROL_URL;
  if (!base) throw new Error("E2E_CONTROL_URL is not set (playwright.config.ts sets it)");
  const query = new URLSearchParams({ room: String(roomId), sender: senderEmail, count: String(count), prefix });
  const response = await fetch(`${base}/seed/messages?${query}`, { method: "POST" });
  if (!response.ok) throw new Error(`seeding messages failed: ${response.status} ${await response.text()}`);
}
