import { describe, expect, it } from "vitest";
import { applyImportedRules, parseRulesCsv, rulesToCsv, type TOrganisationNames } from "@/lib/pricing/csv";
import { RULE_KINDS, ZPricingRule, type TPricingRule } from "@/lib/pricing/rules";

const ORG_A = "00000000-0000-4000-8000-00000000000a";
const ORG_B = "00000000-0000-4000-8000-00000000000b";
const ORGS: TOrganisationNames = {
  idByName: new Map([
    ["acme industrial", ORG_A],
    ["borealis labs", ORG_B],
  ]),
  nameById: new Map([
    [ORG_A, "Acme Industrial"],
    [ORG_B, "Borealis Labs"],
  ]),
};
const rule = (input: Record<string, unknown>) => ZPricingRule.parse(input);
const RULES: TPricingRule[] = [
  rule({ id: "BP-001", kind: "base_price", sku: "TBL-OAK", amount: 89_000, note: "Oak table" }),
  rule({
    id: "BP-002",
    kind: "base_price",
    sku: "ACC-FEET",
    amount: 2_450,
    validFrom: "2026-12-01T00:00:00.000Z",
    validTo: "2027-01-01T00:00:00.000Z",
    priority: 5,
  }),
  rule({
    id: "SC-001",
    kind: "surcharge",
    product: "table",
    option: "width_mm",
    mode: "per_unit",
    amount: 1_500,
    step: 100,
    from: 1200,
  }),
  rule({
    id: "SC-002",
    kind: "surcharge",
    product: "table",
    option: "top",
    value: "walnut",
    mode: "percent",
    bps: 1250,
    note: '=HYPERLINK("x")',
  }),
  rule({ id: "OD-001", kind: "org_discount", organisationId: ORG_A, scope: { type: "all" }, bps: 1000 }),
  rule({
    id: "OD-002",
    kind: "org_discount",
    organisationId: ORG_B,
    scope: { type: "category", category: "tables" },
    bps: 550,
    exclusive: true,
    priority: 2,
  }),
  rule({ id: "CP-001", kind: "contract_price", organisationId: ORG_B, sku: "ACC-FEET", amount: 1_999 }),
  rule({ id: "TR-001", kind: "tier", product: null, minQuantity: 10, maxQuantity: 49, mode: "percent", bps: 300 }),
  rule({
    id: "TR-002",
    kind: "tier",
    product: "table",
    organisationId: ORG_A,
    minQuantity: 50,
    mode: "unit_price",
    amount: 80_000,
  }),
];
const parse = (kind: (typeof RULE_KINDS)[number], text: string, current = RULES) =>
  parseRulesCsv({ kind, text, currency: "EUR", organisations: ORGS, current });

describe("rule CSV", () => {
  it.each(RULE_KINDS)("round-trips %s rules through export and import", (kind) => {
    const csv = rulesToCsv(kind, RULES, "EUR", ORGS);
    expect(parse(kind, csv)).toEqual({ ok: true, rules: RULES.filter((item) => item.kind === kind) });
  });

  it("writes people's units: amounts in euros, percentages, organisation names, escaped formulas", () => {
    expect(rulesToCsv("base_price", RULES, "EUR", ORGS).split("\r\n")).toEqual([
      "id,sku,amount,priority,valid_from,valid_to,note",
      "BP-001,TBL-OAK,890.00,0,,,Oak table",
      "BP-002,ACC-FEET,24.50,5,2026-12-01T00:00:00.000Z,2027-01-01T00:00:00.000Z,",
    ]);
    expect(rulesToCsv("org_discount", RULES, "EUR", ORGS)).toContain(
      "OD-002,Borealis Labs,category,tables,5.5,yes,2,,,",
    );
    expect(rulesToCsv("surcharge", RULES, "EUR", ORGS)).toContain(`"'=HYPERLINK(""x"")"`);
  });

  it("names new rows, accepts bare dates and case-insensitive organisation names", () => {
    const result = parse(
      "org_discount",
      "organisation,scope,scope_value,percent,exclusive,priority,valid_from,valid_to,note\nACME INDUSTRIAL,product,table,7.5,no,1,2026-12-01,,Winter\n",
    );
    expect(result).toEqual({
      ok: true,
      rules: [
        expect.objectContaining({
          id: "OD-003",
          organisationId: ORG_A,
          scope: { type: "product", product: "table" },
          bps: 750,
          validFrom: "2026-12-01T00:00:00.000Z",
          note: "Winter",
        }),
      ],
    });
  });

  it("reports every bad row with its row number and column, and returns no rules", () => {
    const text = [
      "id,sku,amount,priority,valid_from,valid_to,note",
      "BP-010,TBL-OAK,12.345,0,,,",
      "BP-011,,10,0,,,",
      "BP-012,X,10,abc,2026-13-45,,",
      "BP-010,Y,5,0,2027-01-01,2026-01-01,",
    ].join("\n");
    const result = parse("base_price", text);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors).toEqual([
      { row: 2, column: "amount", message: "Enter an amount in EUR, e.g. 890.00." },
      { row: 3, column: "sku", message: "Enter a SKU." },
      { row: 4, column: "priority", message: "Enter a whole number." },
      { row: 4, column: "valid_from", message: "Use a date like 2026-12-01 or 2026-12-01T08:00:00Z." },
      { row: 5, column: "id", message: "BP-010 is also on row 2." },
      { row: 5, column: "valid_to", message: "The rule must start before it ends." },
    ]);
  });

  it("refuses a file whose header does not match the kind, and unknown organisations", () => {
    expect(parse("base_price", "sku,price\nX,1\n")).toEqual({
      ok: false,
      errors: [
        expect.objectContaining({
          row: 1,
          message: expect.stringMatching(/missing column\(s\) amount.*unknown column\(s\) price/),
        }),
      ],
    });
    const unknown = parse(
      "contract_price",
      "organisation,sku,amount,priority,valid_from,valid_to,note\nGlobex,TBL-OAK,1,0,,,\n",
    );
    expect(unknown).toEqual({
      ok: false,
      errors: [{ row: 2, column: "organisation", message: 'No organisation called "Globex".' }],
    });
  });

  it("does not let an imported row take the id of a rule of another kind", () => {
    const result = parse(
      "tier",
      "id,product,organisation,min_quantity,max_quantity,mode,percent,amount,priority,valid_from,valid_to,note\nBP-001,,,1,,percent,1,,0,,,\n",
    );
    expect(result).toEqual({
      ok: false,
      errors: [{ row: 2, column: "id", message: "BP-001 is the id of a base price rule." }],
    });
  });

  it("replaces a kind wholesale or merges by id", () => {
    const imported = [
      rule({ id: "BP-002", kind: "base_price", sku: "ACC-FEET", amount: 2_600 }),
      rule({ id: "BP-009", kind: "base_price", sku: "NEW", amount: 100 }),
    ];
    const replaced = applyImportedRules(RULES, "base_price", imported, "replace");
    expect(replaced.filter((item) => item.kind === "base_price").map((item) => item.id)).toEqual(["BP-002", "BP-009"]);
    expect(replaced).toHaveLength(RULES.length);
    const merged = applyImportedRules(RULES, "base_price", imported, "merge");
    expect(
      merged
        .filter((item) => item.kind === "base_price")
        .map((item) => [item.id, "amount" in item ? item.amount : null]),
    ).toEqual([
      ["BP-001", 89_000],
      ["BP-002", 2_600],
      ["BP-009", 100],
    ]);
  });
});
