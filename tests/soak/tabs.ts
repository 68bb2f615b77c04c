// The soak's side of its tab processes: spawn one per user, call them, collect snapshots.
import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import type { TabConfig, TabMethod, TabReply, TabSnapshot } from "./tab-protocol";

const ENTRY = path.join(process.cwd(), "tests", "soak", "tab.ts");
const CALL_TIMEOUT_MS = 60_000;
// Waiting for every request in flight to be answered can take minutes when the app is saturated.
const SETTLE_TIMEOUT_MS = 600_000;

export class Tab {
  private next = 1;
  private readonly waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private exitError: Error | null = null;
  readonly opened: Promise<void>;

  constructor(
    readonly userId: number,
    private readonly child: ChildProcess,
  ) {
    this.opened = new Promise((resolve, reject) => this.waiting.set(0, { resolve: () => resolve(), reject }));
    child.on("message", (reply: TabReply) => {
      const waiter = this.waiting.get(reply.id);
      if (!waiter) return;
      this.waiting.delete(reply.id);
      if (reply.ok) waiter.resolve(reply.result);
      else waiter.reject(new Error(`tab of user ${userId}: ${reply.error}`));
    });
    child.on("exit", (code, signal) => {
      this.exitError = new Error(`tab of user ${userId} exited (${code ?? signal})`);
      for (const waiter of this.waiting.values()) waiter.reject(this.exitError);
      this.waiting.clear();
    });
  }

  call<T = unknown>(method: TabMethod, on?: boolean): Promise<T> {
    if (this.exitError) return Promise.reject(this.exitError);
    const id = this.next++;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(
        () => {
          this.waiting.delete(id);
          reject(new Error(`tab of user ${this.userId}: ${method} timed out`));
        },
        method === "idle" || method === "ready" ? SETTLE_TIMEOUT_MS : CALL_TIMEOUT_MS,
      );
      this.waiting.set(id, {
        resolve: (v) => {
          clearTimeout(timer);
          resolve(v as T);
        },
        reject: (e) => {
          clearTimeout(timer);
          reject(e);
        },
      });
      this.child.send({ id, method, on });
    });
  }

  snapshot = () => this.call<TabSnapshot>("snapshot");

  async close(): Promise<void> {
    if (this.exitError) return;
    const exited = new Promise<void>((resolve) => this.child.once("exit", () => resolve()));
    await this.call("close").catch(() => {});
    const timer = setTimeout(() => this.child.kill("SIGKILL"), 5_000);
    await exited;
    clearTimeout(timer);
  }
}

export function openTab(config: TabConfig): Tab {
  // --no-deprecation: pusher-js's wss fallback (tried while the server is down) warns about TLS
  // to an IP address, once per tab.
  const child = spawn(process.execPath, ["--no-deprecation", "--import", "tsx", ENTRY], {
    env: { ...process.env, SOAK_TAB: JSON.stringify(config) },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  return new Tab(config.me.id, child);
}

/** Runs `method` on every tab at once. */
export const everyTab = <T = unknown>(tabs: Tab[], method: TabMethod, on?: boolean) => Promise.all(tabs.map((t) => t.call<T>(method, on)));
