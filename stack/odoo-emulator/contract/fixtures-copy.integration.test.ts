// contract/fixtures is a copy of the recording in ../shared/fixtures/odoo, and fields/ of
// the field definitions in ../shared/fixtures/odoo-fields, so that the emulator and its
// tests run from a clone alone. When the originals are next to the clone, the copies must
// be identical to them.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const COPY = path.join(import.meta.dirname, "fixtures");
const ORIGINAL = path.resolve(import.meta.dirname, "../../../../shared/fixtures/odoo");
const FIELDS_COPY = path.resolve(import.meta.dirname, "../fields");
const FIELDS_ORIGINAL = path.resolve(import.meta.dirname, "../../../../shared/fixtures/odoo-fields");

function digests(root: string): Record<string, string> {
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory() ? walk(path.join(dir, entry.name)) : [path.join(dir, entry.name)],
    );

  return Object.fromEntries(
    walk(root).map((file) => [
      path.relative(root, file),
      createHash("sha256").update(readFileSync(file)).digest("hex"),
    ]),
  );
}

describe("the vendored Odoo fixtures", () => {
  it("hold the whole recording (202 exchanges and webhooks, the README and timing.json)", () => {
    expect(Object.keys(digests(COPY))).toHaveLength(204);
  });

  it.runIf(existsSync(ORIGINAL))("are identical to ../shared/fixtures/odoo", () => {
    expect(digests(COPY)).toEqual(digests(ORIGINAL));
  });
});

describe("the vendored Odoo field definitions", () => {
  it("hold fields_get of all 34 recorded models and their README", () => {
    expect(Object.keys(digests(FIELDS_COPY))).toHaveLength(35);
  });

  it.runIf(existsSync(FIELDS_ORIGINAL))("are identical to ../shared/fixtures/odoo-fields", () => {
    expect(digests(FIELDS_COPY)).toEqual(digests(FIELDS_ORIGINAL));
  });
});
