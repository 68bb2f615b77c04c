// Stops and restarts the embedded realtime server through scripts/e2e-server.ts's control port.
async function call(action: "stop" | "start"): Promise<void> {
  const base = process.env.E2E_CONTROL_URL;
  if (!base) throw new Error("E2E_CONTROL_URL is not set (playwright.config.ts sets it)");
  const response = await fetch(`${base}/realtime/${action}`, { method: "POST" });
  if (!response.ok) throw new Error(`realtime ${action} failed: ${response.status} ${await response.text()}`);
}

export const stopRealtime = () => call("stop");
export const startRealtime = () => call("start");
