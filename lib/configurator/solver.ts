// The constraint solver. Given the options a buyer has fixed so far, it says for every
// option which values are still possible — meaning some choice of the other, free options
// makes the whole configuration valid — and, for the others, why not (the reason of the
// constraint that rules them out). It also returns a valid full configuration that keeps
// the buyer's current values wherever it can (the "witness"), which the configurator
// adopts for options the buyer has not touched.
//
// Method: backtracking over finite domains with pruning on constraints that are already
// definitely violated (three-valued evaluation of partial assignments). Number options
// are searched over representative points: their bounds, their current value and the
// grid points either side of every threshold a constraint compares them with — between
// two such points every constraint answers the same, so the answer is exact.
import type { TCondition, TConstraint, TModelDefinition, TModelOption } from "@/lib/configurator/model";
import type { TConfiguration } from "@/lib/pricing/types";

type TValue = string | number | boolean;
type TAssignment = Map<string, TValue>;
type TVar = { key: string; option: TModelOption; domain: TValue[] };
type TTruth = boolean | undefined;

export type TValueState = { value: string | boolean; possible: boolean; reason: string | null };
export type TNumberState = {
  allowed: { min: number; max: number }[];
  blocked: { from: number; to: number; reason: string }[];
};
export type TOptionState =
  | { code: string; kind: "enum" | "boolean"; values: TValueState[] }
  | { code: string; kind: "multi"; values: (TValueState & { canRemove: boolean; removeReason: string | null })[] }
  | ({ code: string; kind: "number" } & TNumberState);
export type TSolution = {
  options: Record<string, TOptionState>;
  witness: TConfiguration | null;
  violations: TConstraint[];
};

const NODE_BUDGET = 50_000;
const flagKey = (option: string, value: string) => `${option}:${value}`;

function evaluate(condition: TCondition, assignment: TAssignment): TTruth {
  if (condition.op === "has" || condition.op === "lacks") {
    const flag = assignment.get(flagKey(condition.option, String(condition.value)));
    if (flag === undefined) return undefined;

    return condition.op === "has" ? flag === true : flag === false;
  }
  const actual = assignment.get(condition.option);
  if (actual === undefined) return undefined;
  const expected = condition.value;
  switch (condition.op) {
    case "is":
      return actual === expected;
    case "is_not":
      return actual !== expected;
    case "in":
      return (expected as string[]).includes(String(actual));
    case "not_in":
      return !(expected as string[]).includes(String(actual));
    case "lt":
      return (actual as number) < (expected as number);
    case "lte":
      return (actual as number) <= (expected as number);
    case "gt":
      return (actual as number) > (expected as number);
    case "gte":
      return (actual as number) >= (expected as number);
  }
}

function all(conditions: TCondition[], assignment: TAssignment): TTruth {
  let unknown = false;
  for (const condition of conditions) {
    const truth = evaluate(condition, assignment);
    if (truth === false) return false;
    if (truth === undefined) unknown = true;
  }

  return unknown ? undefined : true;
}

/** true: violated whatever the free options are; false: cannot be violated any more; undefined: depends. */
export function isViolated(constraint: TConstraint, assignment: TAssignment): TTruth {
  if (constraint.type === "forbid") return all(constraint.when, assignment);
  const premise = all(constraint.if, assignment);
  if (premise === false) return false;
  if (constraint.type === "limit") {
    const value = assignment.get(constraint.option) as number | undefined;
    if (value === undefined) return undefined;
    const outside =
      (constraint.min !== null && value < constraint.min) || (constraint.max !== null && value > constraint.max);

    return outside ? (premise === true ? true : undefined) : false;
  }
  const then = evaluate(constraint.then, assignment);
  const broken = constraint.type === "requires" ? then === false : then === true;
  const kept = constraint.type === "requires" ? then === true : then === false;
  if (kept) return false;

  return broken && premise === true ? true : undefined;
}

function onGrid(option: Extract<TModelOption, { kind: "number" }>, value: number, round: "down" | "up"): number {
  const steps = (value - option.min) / option.step;
  const snapped = option.min + (round === "down" ? Math.floor(steps) : Math.ceil(steps)) * option.step;

  return Math.min(option.max, Math.max(option.min, snapped));
}

function numberDomain(
  option: Extract<TModelOption, { kind: "number" }>,
  model: TModelDefinition,
  preferred: unknown,
): number[] {
  const thresholds: number[] = [];
  for (const constraint of model.constraints) {
    const conditions =
      constraint.type === "forbid"
        ? constraint.when
        : [...constraint.if, ...(constraint.type === "limit" ? [] : [constraint.then])];
    for (const condition of conditions)
      if (condition.option === option.code && typeof condition.value === "number") thresholds.push(condition.value);
    if (constraint.type === "limit" && constraint.option === option.code)
      for (const bound of [constraint.min, constraint.max]) if (bound !== null) thresholds.push(bound);
  }
  const points = new Set<number>([option.min, option.max]);
  if (option.default !== null) points.add(option.default);
  if (typeof preferred === "number" && preferred >= option.min && preferred <= option.max)
    points.add(onGrid(option, preferred, "down"));
  for (const threshold of thresholds) {
    for (const point of [onGrid(option, threshold, "down"), onGrid(option, threshold, "up")]) {
      points.add(point);
      points.add(Math.max(option.min, point - option.step));
      points.add(Math.min(option.max, point + option.step));
    }
  }

  return [...points].sort((a, b) => a - b);
}

function variables(model: TModelDefinition, preferred: TConfiguration): TVar[] {
  return model.options.flatMap((option): TVar[] => {
    switch (option.kind) {
      case "enum":
        return [{ key: option.code, option, domain: option.values.map((value) => value.code) }];
      case "boolean":
        return [{ key: option.code, option, domain: [false, true] }];
      case "number":
        return [{ key: option.code, option, domain: numberDomain(option, model, preferred[option.code]) }];
      case "multi":
        return option.values.map((value) => ({ key: flagKey(option.code, value.code), option, domain: [false, true] }));
    }
  });
}

/** The solver's variables for a (partial) configuration. */
export function toAssignment(model: TModelDefinition, configuration: TConfiguration): TAssignment {
  const assignment: TAssignment = new Map();
  for (const option of model.options) {
    const value = configuration[option.code];
    if (value === undefined) continue;
    if (option.kind === "multi")
      for (const item of option.values)
        assignment.set(flagKey(option.code, item.code), Array.isArray(value) && value.includes(item.code));
    else assignment.set(option.code, value as TValue);
  }

  return assignment;
}

function fromAssignment(model: TModelDefinition, assignment: TAssignment): TConfiguration {
  return Object.fromEntries(
    model.options.map((option) => [
      option.code,
      option.kind === "multi"
        ? option.values
            .filter((value) => assignment.get(flagKey(option.code, value.code)) === true)
            .map((value) => value.code)
        : (assignment.get(option.code) as TValue),
    ]),
  );
}

type TSearch = {
  model: TModelDefinition;
  vars: TVar[];
  preferred: TAssignment;
  nodes: number;
  blamed: Map<TConstraint, number>;
};

function firstViolated(search: TSearch, assignment: TAssignment): TConstraint | null {
  for (const constraint of search.model.constraints) if (isViolated(constraint, assignment) === true) return constraint;

  return null;
}

function extend(search: TSearch, assignment: TAssignment, index: number): TAssignment | null {
  if (index === search.vars.length) return assignment;
  const variable = search.vars[index]!;
  if (assignment.has(variable.key)) return extend(search, assignment, index + 1);
  const wish = search.preferred.get(variable.key);
  // The buyer's current value first; for numbers, then the nearest ones.
  const ordered =
    typeof wish === "number"
      ? [...variable.domain].sort((a, b) => Math.abs((a as number) - wish) - Math.abs((b as number) - wish))
      : wish !== undefined && variable.domain.includes(wish)
        ? [wish, ...variable.domain.filter((value) => value !== wish)]
        : variable.domain;
  for (const value of ordered) {
    if (++search.nodes > NODE_BUDGET) return null;
    assignment.set(variable.key, value);
    const broken = firstViolated(search, assignment);
    if (broken) search.blamed.set(broken, (search.blamed.get(broken) ?? 0) + 1);
    else {
      const found = extend(search, assignment, index + 1);
      if (found) return found;
    }
    assignment.delete(variable.key);
  }

  return null;
}

type TCompletion = { found: TAssignment | null; reason: string | null; exhausted: boolean };

/** A valid completion of `fixed`, preferring `preferred` values; null (with the most-blamed reason) when none exists. */
function complete(search: TSearch, fixed: TAssignment): TCompletion {
  search.blamed = new Map();
  search.nodes = 0;
  const direct = firstViolated(search, fixed);
  if (direct) return { found: null, reason: direct.reason, exhausted: false };
  const found = extend(search, new Map(fixed), 0);
  if (found) return { found, reason: null, exhausted: false };
  // Out of budget: say "possible" rather than block a buyer; the server checks full configurations exactly.
  if (search.nodes > NODE_BUDGET) return { found: null, reason: null, exhausted: true };
  const blamed = [...search.blamed].sort((a, b) => b[1] - a[1])[0]?.[0];

  return { found: null, reason: blamed?.reason ?? "Not available with your other choices.", exhausted: false };
}

function without(assignment: TAssignment, option: TModelOption): TAssignment {
  const rest = new Map(assignment);
  if (option.kind === "multi") for (const value of option.values) rest.delete(flagKey(option.code, value.code));
  else rest.delete(option.code);

  return rest;
}

function numberState(
  search: TSearch,
  fixed: TAssignment,
  option: Extract<TModelOption, { kind: "number" }>,
): TNumberState {
  const variable = search.vars.find((item) => item.key === option.code)!;
  const rest = without(fixed, option);
  const state: TNumberState = { allowed: [], blocked: [] };
  let run: { possible: boolean; reason: string | null; from: number; to: number } | null = null;
  const flush = () => {
    if (run?.possible) state.allowed.push({ min: run.from, max: run.to });
    else if (run)
      state.blocked.push({
        from: run.from,
        to: run.to,
        reason: run.reason ?? "Not available with your other choices.",
      });
  };
  for (const point of variable.domain as number[]) {
    const { possible, reason } = toState(complete(search, new Map(rest).set(option.code, point)));
    if (run && run.possible === possible && run.reason === reason) run.to = point;
    else {
      flush();
      run = { possible, reason, from: point, to: point };
    }
  }
  flush();

  return state;
}

/**
 * What is still possible given the options the buyer fixed. `preferred` (usually the
 * current configuration) orders the search, so the witness stays close to it.
 */
export function solve(
  model: TModelDefinition,
  fixedConfiguration: TConfiguration,
  preferredConfiguration: TConfiguration = fixedConfiguration,
): TSolution {
  const preferred = toAssignment(model, preferredConfiguration);
  const search: TSearch = {
    model,
    vars: variables(model, preferredConfiguration),
    preferred,
    nodes: 0,
    blamed: new Map(),
  };
  const fixed = toAssignment(model, fixedConfiguration);
  const options: Record<string, TOptionState> = {};
  for (const option of model.options) {
    const rest = without(fixed, option);
    const check = (key: string, value: TValue) => complete(search, new Map(rest).set(key, value));
    switch (option.kind) {
      case "enum":
      case "boolean": {
        const domain: TValue[] = option.kind === "enum" ? option.values.map((value) => value.code) : [false, true];
        options[option.code] = {
          code: option.code,
          kind: option.kind,
          values: domain.map((value) => ({ value: value as string | boolean, ...toState(check(option.code, value)) })),
        };
        break;
      }
      case "multi":
        options[option.code] = {
          code: option.code,
          kind: "multi",
          values: option.values.map((value) => {
            const add = toState(check(flagKey(option.code, value.code), true));
            const remove = toState(check(flagKey(option.code, value.code), false));

            return {
              value: value.code,
              possible: add.possible,
              reason: add.reason,
              canRemove: remove.possible,
              removeReason: remove.reason,
            };
          }),
        };
        break;
      case "number":
        options[option.code] = { code: option.code, kind: "number", ...numberState(search, fixed, option) };
        break;
    }
  }
  const witness = complete(search, fixed).found;

  return {
    options,
    witness: witness ? fromAssignment(model, witness) : null,
    violations: violationsOf(model, toAssignment(model, preferredConfiguration)),
  };
}

function toState(result: TCompletion): { possible: boolean; reason: string | null } {
  const possible = result.found !== null || result.exhausted;

  return { possible, reason: possible ? null : result.reason };
}

function violationsOf(model: TModelDefinition, assignment: TAssignment): TConstraint[] {
  return model.constraints.filter((constraint) => isViolated(constraint, assignment) === true);
}

/** The constraints a full configuration breaks (empty when it is valid). */
export function findViolations(model: TModelDefinition, configuration: TConfiguration): TConstraint[] {
  return violationsOf(model, toAssignment(model, configuration));
}

/** Whether some valid configuration keeps every value of `partial`. */
export function hasCompletion(model: TModelDefinition, partial: TConfiguration): boolean {
  const search: TSearch = {
    model,
    vars: variables(model, partial),
    preferred: toAssignment(model, partial),
    nodes: 0,
    blamed: new Map(),
  };
  const result = complete(search, toAssignment(model, partial));

  return result.found !== null || result.exhausted;
}
