// contract/fixtures is a copy of the recording in ../shared/fixtures/odoo, so that the
// contract test runs from a clone alone. When the original is next to the clone, the copy
// must be identical to it.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const COPY = path.join(import.meta.dirname, "fixtures");
const ORIGINAL = path.resolve(import.meta.dirname, "../../../../shared/fixtures/odoo");

function digests(root: string): Record<string, string> {
  const walk = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? walk(path.join(dir, entry.name)) : [path.join(dir, entry.name)]));

  return Object.fromEntries(walk(root).map((file) => [path.relative(root, file), createHash("sha256").update(readFileSync(file)).digest("hex")]));
}

describe("the vendored Odoo fixtures", () => {
  it("hold the whole recording (202 exchanges and webhooks, the README and timing.json)", () => {
    expect(Object.keys(digests(COPY))).toHaveLength(204);
  });

  it.runIf(existsSync(ORIGINAL))("are identical to ../shared/fixtures/odoo", () => {
    expect(digests(COPY)).toEqual(digests(ORIGINAL));
  });
});
