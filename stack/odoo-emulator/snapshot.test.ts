import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { TState } from "./orm/env";
import { SnapshotWriter } from "./snapshot";

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function writerFor(state: () => unknown) {
  const dir = mkdtempSync(path.join(tmpdir(), "snapshot-"));
  dirs.push(dir);
  const file = path.join(dir, "state.json");

  return { file, writer: new SnapshotWriter(file, state as () => TState) };
}

describe("SnapshotWriter", () => {
  it("writes the whole state shortly after a change", async () => {
    const { file, writer } = writerFor(() => ({ records: { "res.partner": [{ id: 7 }] } }));
    expect(writer.pauseMs()).toBe(200);
    writer.schedule();
    await writer.flush();

    expect(JSON.parse(readFileSync(file, "utf8"))).toEqual({ records: { "res.partner": [{ id: 7 }] } });
  });

  it("waits longer between writes as a write takes longer, so writing never takes more than ~5% of the time", async () => {
    const slowState = () => {
      const until = performance.now() + 30;
      while (performance.now() < until);
      return { records: {} };
    };
    const { writer } = writerFor(slowState);
    writer.schedule();
    await writer.flush();

    expect(writer.pauseMs()).toBeGreaterThanOrEqual(600);
  });
});
