import { describe, expect, it } from "vitest";
import { compileRuleSet } from "@/lib/pricing/compile";
import { diffVersions } from "@/lib/pricing/diff";
import { describePolicy } from "@/lib/pricing/policy-words";
import { nextRuleIds } from "@/lib/pricing/rule-ids";
import { DEFAULT_POLICY, ZPricingRule } from "@/lib/pricing/rules";
import { pickLiveVersion, versionState } from "@/lib/pricing/version-state";
import { buildWhatIfLines, runWhatIf } from "@/lib/pricing/what-if";

const ORG_A = "00000000-0000-4000-8000-00000000000a";
const ORG_B = "00000000-0000-4000-8000-00000000000b";
const rule = (input: Record<string, unknown>) => ZPricingRule.parse(input);
const at = (iso: string) => new Date(iso);
const version = (id: string, number: number, status: "DRAFT" | "PUBLISHED", effectiveFrom: string | null) => ({
  id,
  number,
  status,
  effectiveFrom: effectiveFrom ? at(effectiveFrom) : null,
});

describe("version state", () => {
  const versions = [
    version("v1", 1, "PUBLISHED", "2026-01-01T00:00:00Z"),
    version("v2", 2, "PUBLISHED", "2026-06-01T00:00:00Z"),
    version("v3", 3, "PUBLISHED", "2027-01-01T00:00:00Z"),
    version("v4", 4, "DRAFT", null),
  ];
  const now = at("2026-11-22T12:00:00Z");

  it("makes live the published version whose go-live passed last, and derives the others", () => {
    const live = pickLiveVersion(versions, now);
    expect(live?.id).toBe("v2");
    expect(versions.map((item) => versionState(item, live!.id, now))).toEqual([
      "superseded",
      "live",
      "scheduled",
      "draft",
    ]);
  });

  it("lets a scheduled version go live by itself when its time comes", () => {
    expect(pickLiveVersion(versions, at("2027-01-01T00:00:00Z"))?.id).toBe("v3");
    expect(pickLiveVersion(versions, at("2025-12-31T00:00:00Z"))).toBeNull();
  });

  it("breaks a tie of go-live times by the newer version number (a rollback published the same instant)", () => {
    expect(pickLiveVersion([...versions, version("v5", 5, "PUBLISHED", "2026-06-01T00:00:00Z")], now)?.id).toBe("v5");
  });
});

describe("rule ids", () => {
  it("continues after the highest id of the kind", () => {
    expect(
      nextRuleIds("org_discount", [{ id: "OD-009" }, { id: "OD-002" }, { id: "BP-050" }, { id: "custom" }], 2),
    ).toEqual(["OD-010", "OD-011"]);
    expect(nextRuleIds("tier", [])).toEqual(["TR-001"]);
  });
});

describe("version diff", () => {
  it("lists added, removed and changed rules with the fields that changed, and policy changes", () => {
    const before = [
      rule({ id: "BP-001", kind: "base_price", sku: "A", amount: 100 }),
      rule({ id: "BP-002", kind: "base_price", sku: "B", amount: 200 }),
    ];
    const after = [
      rule({ id: "BP-001", kind: "base_price", sku: "A", amount: 120, priority: 1 }),
      rule({ id: "OD-001", kind: "org_discount", organisationId: ORG_A, scope: { type: "all" }, bps: 1000 }),
    ];
    const diff = diffVersions(
      { rules: before, policy: DEFAULT_POLICY },
      { rules: after, policy: { ...DEFAULT_POLICY, discounts: "additive" } },
    );
    expect(diff.counts).toEqual({ added: 1, removed: 1, changed: 1 });
    expect(
      diff.changes.map((change) => [change.type, change.id, change.type === "changed" ? change.fields : null]),
    ).toEqual([
      ["changed", "BP-001", ["amount", "priority"]],
      ["removed", "BP-002", null],
      ["added", "OD-001", null],
    ]);
    expect(diff.policy).toEqual({ before: DEFAULT_POLICY, after: { discounts: "additive", tiers: "stack" } });
    expect(diffVersions({ rules: before, policy: DEFAULT_POLICY }, { rules: before, policy: DEFAULT_POLICY })).toEqual({
      changes: [],
      policy: null,
      counts: { added: 0, removed: 0, changed: 0 },
    });
  });
});

describe("policy in words", () => {
  it("says how discounts and tiers combine under each choice", () => {
    expect(describePolicy({ discounts: "best", tiers: "stack" }).join(" ")).toMatch(
      /single largest one.*on top of the organisation discount/,
    );
    expect(describePolicy({ discounts: "compound", tiers: "best_of" }).join(" ")).toMatch(
      /each is taken off what the previous one left.*whichever gives the lower price/,
    );
  });
});

describe("what-if", () => {
  const product = {
    handle: "table",
    title: "Table",
    skus: ["TBL"],
    categories: ["tables"],
    options: [{ code: "width_mm", kind: "number" as const, min: 600, max: 2400 }],
  };
  const feet = { handle: "feet", title: "Feet", skus: ["FEET"], categories: [], options: [] };
  const compile = (versionId: string, rules: ReturnType<typeof rule>[]) =>
    compileRuleSet({ versionId, currency: "EUR", policy: DEFAULT_POLICY, rules });
  const live = compile("live", [
    rule({ id: "BP-001", kind: "base_price", sku: "TBL", amount: 100_000 }),
    rule({ id: "BP-002", kind: "base_price", sku: "FEET", amount: 2_000 }),
  ]);
  const draft = compile("draft", [
    rule({ id: "BP-001", kind: "base_price", sku: "TBL", amount: 100_000 }),
    rule({
      id: "OD-001",
      kind: "org_discount",
      organisationId: ORG_A,
      scope: { type: "product", product: "table" },
      bps: 1000,
    }),
  ]);

  it("prices every product × organisation × quantity under both versions and flags big or missing changes", () => {
    const lines = buildWhatIfLines([product, feet], [ORG_A, ORG_B], [1, 10]);
    expect(lines).toHaveLength(8);
    expect(lines[0]!.configuration).toEqual({ width_mm: 600 });
    const result = runWhatIf({ draft, live, lines, at: at("2026-11-22T00:00:00Z"), thresholdBps: 500 });
    const tableA = result.rows.find((row) => row.sku === "TBL" && row.organisationId === ORG_A && row.quantity === 1)!;
    expect(tableA).toMatchObject({
      live: 100_000,
      draft: 90_000,
      delta: -10_000,
      deltaBps: -1000,
      flagged: true,
      configuration: "width_mm 600",
    });
    expect(result.rows.find((row) => row.sku === "TBL" && row.organisationId === ORG_B)).toMatchObject({
      delta: 0,
      flagged: false,
    });
    expect(result.rows.find((row) => row.sku === "FEET")).toMatchObject({
      live: 2_000,
      draft: null,
      delta: null,
      flagged: true,
    });
    expect(result.summary).toEqual({
      lines: 8,
      changed: 6,
      increased: 0,
      decreased: 2,
      flagged: 6,
      losingPrice: 4,
      gainingPrice: 0,
    });
    expect(result.byOrganisation.find((summary) => summary.organisationId === ORG_A)).toMatchObject({
      lines: 4,
      averageDeltaBps: -1000,
      largestDecreaseBps: -1000,
    });
  });

  it("prices each variant with the option that selects it", () => {
    const selecting = {
      ...product,
      skus: ["TBL", "TBL-W"],
      options: [
        { code: "top", kind: "choice" as const, values: ["oak", "walnut"], skus: { oak: "TBL", walnut: "TBL-W" } },
      ],
    };
    expect(buildWhatIfLines([selecting], [ORG_A], [1]).map((line) => [line.sku, line.configuration])).toEqual([
      ["TBL", { top: "oak" }],
      ["TBL-W", { top: "walnut" }],
    ]);
  });

  it("respects the threshold", () => {
    const lines = buildWhatIfLines([product], [ORG_A], [1]);
    expect(runWhatIf({ draft, live, lines, at: at("2026-11-22T00:00:00Z"), thresholdBps: 1500 }).rows[0]!.flagged).toBe(
      false,
    );
  });
});
