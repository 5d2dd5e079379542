// The webhook receiver's hostile deliveries live in one table, next to the route they test
// (app/api/webhooks/odoo/[token]/route.integration.test.ts); this checks that it keeps a row for
// each threat the security suite names, so none can be dropped from it unnoticed.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "./entry-points";

const TABLE = "app/api/webhooks/odoo/[token]/route.integration.test.ts";
const THREATS = ["bad token", "oversized", "malformed", "replayed", "out of order"];

describe("webhook receiver table", () => {
  it.each(THREATS)("has a row for a delivery that is %s", (threat) => {
    const source = readFileSync(path.join(ROOT, TABLE), "utf8");
    expect(source).toContain(`threat: "${threat}",`);
  });
});
