import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ZModelDefinition, type TCondition, type TModelDefinition } from "@/lib/configurator/model";
import { findViolations, solve } from "@/lib/configurator/solver";
import type { TConfiguration } from "@/lib/pricing/types";

// The solver against brute force on small random models: every answer it gives about a
// value (possible or not) must match an exhaustive search over all configurations.

const ENUMS = [
  { code: "a", values: ["a1", "a2", "a3"] },
  { code: "b", values: ["b1", "b2"] },
  { code: "c", values: ["c1", "c2", "c3"] },
];
const NUMBER = { min: 0, max: 100, step: 10 };
const numberPoints = Array.from({ length: 11 }, (_, index) => index * 10);

const arbCondition: fc.Arbitrary<TCondition> = fc.oneof(
  fc
    .record({ enumIndex: fc.integer({ min: 0, max: 2 }), op: fc.constantFrom("is", "is_not"), pick: fc.nat() })
    .map(({ enumIndex, op, pick }) => {
      const option = ENUMS[enumIndex]!;

      return { option: option.code, op, value: option.values[pick % option.values.length]! } as TCondition;
    }),
  fc
    .record({ op: fc.constantFrom("lt", "lte", "gt", "gte"), value: fc.integer({ min: -5, max: 105 }) })
    .map(({ op, value }) => ({ option: "n", op, value }) as TCondition),
  fc.boolean().map((value) => ({ option: "flag", op: "is", value }) as TCondition),
);

const arbConstraint = fc.oneof(
  fc
    .record({
      premise: fc.array(arbCondition, { minLength: 1, maxLength: 2 }),
      then: arbCondition,
      kind: fc.constantFrom("requires", "excludes"),
    })
    .map(({ premise, then, kind }) => ({ type: kind, if: premise, then })),
  fc
    .record({
      premise: fc.array(arbCondition, { maxLength: 2 }),
      min: fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }),
      max: fc.integer({ min: 0, max: 100 }),
    })
    .map(({ premise, min, max }) => ({ type: "limit", if: premise, option: "n", min, max })),
  fc.array(arbCondition, { minLength: 1, maxLength: 3 }).map((when) => ({ type: "forbid", when })),
);

const arbModel: fc.Arbitrary<TModelDefinition> = fc
  .array(arbConstraint, { minLength: 1, maxLength: 5 })
  .map((constraints) =>
    ZModelDefinition.parse({
      options: [
        ...ENUMS.map((option) => ({
          code: option.code,
          label: option.code.toUpperCase(),
          kind: "enum",
          values: option.values.map((value) => ({ code: value, label: value })),
        })),
        { code: "n", label: "N", kind: "number", ...NUMBER },
        { code: "flag", label: "Flag", kind: "boolean" },
      ],
      constraints: constraints.map((constraint, index) => ({
        id: `k${index}`,
        reason: `reason ${index}`,
        ...constraint,
      })),
    }),
  );

const ALL: TConfiguration[] = ENUMS[0]!.values.flatMap((a) =>
  ENUMS[1]!.values.flatMap((b) =>
    ENUMS[2]!.values.flatMap((c) => numberPoints.flatMap((n) => [false, true].map((flag) => ({ a, b, c, n, flag })))),
  ),
);

const arbFixed = fc
  .record({
    a: fc.option(fc.constantFrom(...ENUMS[0]!.values), { nil: undefined }),
    n: fc.option(fc.constantFrom(...numberPoints), { nil: undefined }),
    flag: fc.option(fc.boolean(), { nil: undefined }),
  })
  .map(
    (fixed) => Object.fromEntries(Object.entries(fixed).filter(([, value]) => value !== undefined)) as TConfiguration,
  );

const matches = (configuration: TConfiguration, partial: TConfiguration) =>
  Object.entries(partial).every(([key, value]) => configuration[key] === value);
const exists = (model: TModelDefinition, partial: TConfiguration) =>
  ALL.some((configuration) => matches(configuration, partial) && findViolations(model, configuration).length === 0);

describe("solver (property, against brute force)", () => {
  it("says a value is possible exactly when some valid configuration has it with the other fixed options", () => {
    fc.assert(
      fc.property(arbModel, arbFixed, (model, fixed) => {
        const solution = solve(model, fixed);
        for (const option of ["a", "b", "c", "flag"]) {
          const state = solution.options[option]!;
          if (state.kind === "number") continue;
          const others = Object.fromEntries(Object.entries(fixed).filter(([key]) => key !== option));
          for (const value of state.values) {
            expect(value.possible, `${option}=${String(value.value)} with ${JSON.stringify(fixed)}`).toBe(
              exists(model, { ...others, [option]: value.value }),
            );
            if (!value.possible) expect(value.reason).toMatch(/^reason \d|Not available/);
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it("gives number ranges that contain exactly the points some valid configuration uses", () => {
    fc.assert(
      fc.property(arbModel, arbFixed, (model, fixed) => {
        const state = solve(model, fixed).options.n!;
        if (state.kind !== "number") throw new Error("n is a number");
        const others = Object.fromEntries(Object.entries(fixed).filter(([key]) => key !== "n"));
        for (const point of numberPoints) {
          const inRange = state.allowed.some((range) => point >= range.min && point <= range.max);
          expect(inRange, `n=${point} with ${JSON.stringify(fixed)}`).toBe(exists(model, { ...others, n: point }));
        }
      }),
      { numRuns: 150 },
    );
  });

  it("returns a witness only when one exists, and it keeps the fixed values and breaks nothing", () => {
    fc.assert(
      fc.property(arbModel, arbFixed, (model, fixed) => {
        const { witness } = solve(model, fixed);
        expect(witness !== null).toBe(exists(model, fixed));
        if (witness) {
          expect(matches(witness, fixed)).toBe(true);
          expect(findViolations(model, witness)).toEqual([]);
        }
      }),
      { numRuns: 150 },
    );
  });
});
