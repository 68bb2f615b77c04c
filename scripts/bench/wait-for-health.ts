// Polls a server's /api/health until it answers 200; fails early when the process exits.
import type { ChildProcess } from "node:child_process";

export async function waitForHealth(origin: string, server: ChildProcess, options: { name: string; timeoutMs: number }): Promise<void> {
  const deadline = Date.now() + options.timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`${options.name} exited (${server.exitCode})`);
    const ok = await fetch(`${origin}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${options.name} did not become healthy`);
}
