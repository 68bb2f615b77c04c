// Console progress on stderr (stdout stays clean for the summary). On a terminal a bar is
// redrawn in place; elsewhere (CI logs) each task prints one line when it finishes.

const WIDTH = 28;
const REDRAW_MS = 100;

export type Task = {
  tick(count?: number): void;
  /** What the task is doing now, shown after its label. */
  step(detail: string): void;
  done(detail?: string): void;
};

export class Progress {
  private active: { label: string; detail: string; total: number; count: number; started: number } | null = null;
  private lastDraw = 0;

  constructor(private readonly stream: NodeJS.WriteStream = process.stderr) {}

  private get interactive(): boolean {
    return Boolean(this.stream.isTTY);
  }

  /** A line of its own above the bar. */
  note(line: string): void {
    if (this.interactive && this.active) this.stream.write("\r\x1b[2K");
    this.stream.write(`${line}\n`);
    if (this.active) this.draw(true);
  }

  task(label: string, total: number): Task {
    this.active = { label, detail: "", total: Math.max(1, total), count: 0, started: performance.now() };
    this.draw(true);
    return {
      tick: (count = 1) => {
        if (!this.active) return;
        this.active.count = Math.min(this.active.total, this.active.count + count);
        this.draw(false);
      },
      step: (detail) => {
        if (!this.active) return;
        this.active.detail = detail;
        this.draw(true);
      },
      done: (detail) => this.finish(detail),
    };
  }

  private finish(detail?: string): void {
    const task = this.active;
    if (!task) return;
    const seconds = ((performance.now() - task.started) / 1000).toFixed(1);
    const line = `✔ ${task.label} (${seconds} s)${detail ? ` ${detail}` : ""}`;
    this.stream.write(this.interactive ? `\r\x1b[2K${line}\n` : `${line}\n`);
    this.active = null;
  }

  private draw(force: boolean): void {
    const task = this.active;
    if (!task || !this.interactive) return;
    const now = performance.now();
    if (!force && now - this.lastDraw < REDRAW_MS && task.count < task.total) return;
    this.lastDraw = now;
    const share = task.count / task.total;
    const filled = Math.round(share * WIDTH);
    const bar = `${"█".repeat(filled)}${"░".repeat(WIDTH - filled)}`;
    const seconds = ((now - task.started) / 1000).toFixed(1);
    const percent = `${Math.floor(share * 100)}`.padStart(3);
    const detail = task.detail ? `: ${task.detail}` : "";
    this.stream.write(`\r\x1b[2K${bar} ${percent}% ${task.label}${detail} ${task.count}/${task.total} ${seconds} s`);
  }
}
