// Optional persistence: the whole state as one JSON file, rewritten (atomically) shortly
// after each change, so the demo's Odoo data survives restarts. Writing it blocks the emulator:
// the pause between writes grows with what the last one took (at most ~5% of the time spent
// writing), else a demo that has taken thousands of orders (an 8.8 MB state, ~80 ms to write)
// would spend a third of its time writing and answer every call 20× slower — seen in a 30-minute
// soak, where every Odoo call went from ~6 ms to ~140 ms.
import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import type { TState } from "./orm/env";

export function loadSnapshot(file: string): TState | null {
  if (!existsSync(file)) return null;

  return JSON.parse(readFileSync(file, "utf8")) as TState;
}

const MIN_PAUSE_MS = 200;
const PAUSE_PER_WRITE_MS = 20;

export class SnapshotWriter {
  private timer: NodeJS.Timeout | null = null;
  private lastWriteMs = 0;

  constructor(
    private readonly file: string,
    private readonly state: () => TState,
  ) {}

  schedule(): void {
    this.timer ??= setTimeout(() => this.write(), this.pauseMs());
  }

  /** How long after a change the next write happens. */
  pauseMs(): number {
    return Math.max(MIN_PAUSE_MS, Math.round(this.lastWriteMs * PAUSE_PER_WRITE_MS));
  }

  async flush(): Promise<void> {
    if (this.timer) this.write();
  }

  private write(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const started = performance.now();
    const temporary = `${this.file}.tmp`;
    writeFileSync(temporary, JSON.stringify(this.state()));
    renameSync(temporary, this.file);
    this.lastWriteMs = performance.now() - started;
  }
}
