// Optional persistence: the whole state as one JSON file, rewritten (atomically) shortly
// after each change, so the demo's Odoo data survives restarts.
import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import type { TState } from "./orm/env";

export function loadSnapshot(file: string): TState | null {
  if (!existsSync(file)) return null;

  return JSON.parse(readFileSync(file, "utf8")) as TState;
}

export class SnapshotWriter {
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly file: string,
    private readonly state: () => TState,
  ) {}

  schedule(): void {
    this.timer ??= setTimeout(() => this.write(), 200);
  }

  async flush(): Promise<void> {
    if (this.timer) this.write();
  }

  private write(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const temporary = `${this.file}.tmp`;
    writeFileSync(temporary, JSON.stringify(this.state()));
    renameSync(temporary, this.file);
  }
}
