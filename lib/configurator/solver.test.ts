import { describe, expect, it } from "vitest";
import { checkModel } from "@/lib/configurator/check-model";
import {
  checkConfiguration,
  defaultModelConfiguration,
  resolveSku,
  summariseConfiguration,
} from "@/lib/configurator/configuration";
import { DEMO_TABLE_MODEL as TABLE } from "../../prisma/seed/demo-table-model";
import { ZModelDefinition } from "@/lib/configurator/model";
import { findViolations, hasCompletion, solve } from "@/lib/configurator/solver";

const valuesOf = (solution: ReturnType<typeof solve>, option: string) => {
  const state = solution.options[option]!;
  if (state.kind === "number") throw new Error("number option");

  return Object.fromEntries(state.values.map((value) => [String(value.value), value.possible ? "ok" : value.reason]));
};

describe("solve", () => {
  it("allows everything when nothing is fixed, and the defaults are a valid witness", () => {
    const solution = solve(TABLE, {}, defaultModelConfiguration(TABLE));
    expect(valuesOf(solution, "top")).toEqual({ oak: "ok", walnut: "ok", glass: "ok" });
    expect(solution.witness).toEqual({ top: "oak", width_mm: 1600, depth_mm: 800, legs: "steel", cable_port: false });
  });

  it("rules out a value with the reason of the constraint that blocks it", () => {
    const solution = solve(TABLE, { width_mm: 2000 });
    expect(valuesOf(solution, "top")).toEqual({
      oak: "ok",
      walnut: "ok",
      glass: "Glass tops are made up to 1800 mm wide.",
    });
    expect(valuesOf(solve(TABLE, { width_mm: 2200 }), "legs")).toEqual({
      steel: "ok",
      oak: "Tables wider than 2000 mm need steel legs.",
    });
    expect(valuesOf(solve(TABLE, { top: "glass" }), "cable_port")).toEqual({
      false: "ok",
      true: "A glass top cannot have a cable port.",
    });
  });

  it("gives the allowed ranges of a number option, with the reason for the rest", () => {
    const width = solve(TABLE, { top: "glass", legs: "oak" }).options.width_mm;
    expect(width).toEqual({
      code: "width_mm",
      kind: "number",
      allowed: [{ min: 600, max: 1800 }],
      blocked: [{ from: 1810, to: 2400, reason: "Glass tops are made up to 1800 mm wide." }],
    });
    const narrow = solve(TABLE, { depth_mm: 1150 }).options.width_mm;
    expect(narrow).toMatchObject({
      allowed: [{ min: 1000, max: 2400 }],
      blocked: [{ from: 600, to: 990, reason: "A table 1100 mm deep or more must be at least 1000 mm wide." }],
    });
  });

  it("completes a partial configuration close to the buyer's current values", () => {
    const current = { top: "oak", width_mm: 2000, depth_mm: 800, legs: "oak", cable_port: true };
    const solution = solve(TABLE, { top: "glass" }, current);
    expect(solution.witness).toEqual({ top: "glass", width_mm: 1800, depth_mm: 800, legs: "oak", cable_port: false });
    expect(solution.violations.map((constraint) => constraint.id)).toEqual([]);
  });

  it("tells whether some valid configuration keeps a set of choices", () => {
    expect(hasCompletion(TABLE, { top: "glass", width_mm: 1800 })).toBe(true);
    expect(hasCompletion(TABLE, { top: "glass", width_mm: 2000 })).toBe(false);
    expect(hasCompletion(TABLE, { width_mm: 2200, legs: "oak" })).toBe(false);
  });

  it("names every constraint a full configuration breaks", () => {
    expect(
      findViolations(TABLE, { top: "glass", width_mm: 2100, depth_mm: 800, legs: "oak", cable_port: true }).map(
        (constraint) => constraint.id,
      ),
    ).toEqual(["glass-width", "glass-port", "wide-steel"]);
  });
});

describe("checkConfiguration", () => {
  const valid = { top: "walnut", width_mm: 1800, depth_mm: 800, legs: "oak", cable_port: true };

  it("accepts a valid configuration and resolves its SKU and summary", () => {
    expect(checkConfiguration(TABLE, valid)).toEqual({ ok: true, configuration: valid });
    expect(resolveSku(TABLE, valid, ["TBL-ATELIER-OAK", "TBL-ATELIER-WALNUT", "TBL-ATELIER-GLASS"])).toBe(
      "TBL-ATELIER-WALNUT",
    );
    expect(summariseConfiguration(TABLE, valid)).toBe(
      "Top Walnut · Width 1800 mm · Depth 800 mm · Legs Solid oak · Cable port",
    );
  });

  it("reports each malformed option, unknown options, and broken constraints with their reasons", () => {
    expect(checkConfiguration(TABLE, { ...valid, width_mm: 1805, legs: "pine", extra: 1, cable_port: "yes" })).toEqual({
      ok: false,
      fieldErrors: {
        width_mm: ["Use steps of 10 mm (e.g. 1810)."],
        legs: ["Choose one of: Powder-coated steel, Solid oak."],
        cable_port: ["Choose yes or no."],
        extra: ["This product has no such option."],
      },
    });
    expect(checkConfiguration(TABLE, { top: "glass" })).toMatchObject({
      ok: false,
      fieldErrors: { width_mm: ["Choose width."] },
    });
    expect(checkConfiguration(TABLE, { ...valid, top: "glass" })).toEqual({
      ok: false,
      fieldErrors: { _form: ["A glass top cannot have a cable port."] },
    });
  });
});

describe("checkModel", () => {
  it("passes the demo table", () => {
    expect(checkModel(TABLE, ["TBL-ATELIER-OAK", "TBL-ATELIER-WALNUT", "TBL-ATELIER-GLASS"])).toEqual([]);
  });

  it("finds contradictions, invalid defaults, unreachable values and unknown SKUs", () => {
    const model = (constraints: unknown[], extra: Record<string, unknown> = {}) =>
      ZModelDefinition.parse({ ...TABLE, constraints, ...extra });
    expect(
      checkModel(
        model([
          { id: "x", type: "forbid", when: [{ option: "width_mm", op: "gte", value: 600 }], reason: "Nothing fits." },
        ]),
        null,
      ),
    ).toEqual([expect.objectContaining({ code: "CONTRADICTORY" })]);
    expect(
      checkModel(
        model([
          {
            id: "d",
            type: "forbid",
            when: [{ option: "legs", op: "is", value: "steel" }],
            reason: "Steel is sold out.",
          },
        ]),
        null,
      ).map((finding) => finding.code),
    ).toEqual(["DEFAULTS_INVALID", "UNREACHABLE_VALUE"]);
    expect(checkModel(TABLE, ["TBL-ATELIER-OAK"]).filter((finding) => finding.code === "UNKNOWN_SKU")).toHaveLength(2);
  });

  it("refuses models that do not make sense as data", () => {
    const broken = ZModelDefinition.safeParse({
      ...TABLE,
      constraints: [
        {
          id: "c",
          type: "requires",
          if: [{ option: "top", op: "gt", value: 3 }],
          then: { option: "colour", op: "is", value: "red" },
          reason: "Because.",
        },
      ],
    });
    expect(broken.success).toBe(false);
    expect(broken.error?.issues.map((issue) => issue.message)).toEqual([
      '"gt" does not apply to enum option top.',
      'There is no option "colour".',
    ]);
  });
});
