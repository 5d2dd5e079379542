// Odoo domains: prefix-notation lists of ("&" | "|" | "!") and [field, operator, value]
// leaves, with dotted paths through many2one fields. Datetimes compare per whole second,
// as Odoo does: "> X" finds records written at X + 1 s or later.
import { normaliseTimestamp, toEpochSeconds } from "../clock";
import { ValueErrorPy } from "../errors";
import { pythonRepr } from "../python-json";
import type { Env } from "./env";
import { hierarchyIds } from "./hierarchy";
import type { TFieldDef, TRecord } from "./types";

type TLeaf = [string, string, unknown];
type TNode =
  { op: "&" | "|"; left: TNode; right: TNode } | { op: "!"; child: TNode } | { leaf: TLeaf } | { always: true };

const OPERATORS = new Set([
  "=",
  "!=",
  "<>",
  "<",
  ">",
  "<=",
  ">=",
  "in",
  "not in",
  "like",
  "not like",
  "ilike",
  "not ilike",
  "=like",
  "=ilike",
  "child_of",
  "parent_of",
]);

function isLeaf(term: unknown): term is TLeaf {
  return Array.isArray(term) && term.length === 3 && typeof term[0] === "string" && typeof term[1] === "string";
}

export function parseDomain(domain: unknown): TNode {
  if (domain === undefined || domain === null || domain === false) return { always: true };
  if (!Array.isArray(domain)) throw ValueErrorPy(`Invalid domain: ${pythonRepr(domain)}`);
  const stack: TNode[] = [];
  for (const term of [...domain].reverse()) {
    if (term === "&" || term === "|") {
      const left = stack.pop();
      const right = stack.pop();
      if (!left || !right) throw ValueErrorPy(`Invalid domain: ${pythonRepr(domain)}`);
      stack.push({ op: term, left, right });
    } else if (term === "!") {
      const child = stack.pop();
      if (!child) throw ValueErrorPy(`Invalid domain: ${pythonRepr(domain)}`);
      stack.push({ op: "!", child });
    } else if (isLeaf(term)) {
      if (!OPERATORS.has(term[1].toLowerCase()))
        throw ValueErrorPy(`Invalid operator ${pythonRepr(term[1])} in ${pythonRepr(term)}`);
      stack.push({ leaf: [term[0], term[1].toLowerCase(), term[2]] });
    } else {
      throw ValueErrorPy(`Invalid domain term ${pythonRepr(term)}`);
    }
  }
  // Consecutive terms are implicitly and-ed.
  let node: TNode = stack.pop() ?? { always: true };
  while (stack.length) node = { op: "&", left: node, right: stack.pop()! };

  return node;
}

/** Checks every field path of the domain exists, raising Odoo's ValueError otherwise. */
export function validateDomain(env: Env, model: string, node: TNode): void {
  if ("always" in node) return;
  if ("leaf" in node) {
    resolvePath(env, model, node.leaf);

    return;
  }
  if (node.op === "!") return validateDomain(env, model, node.child);
  validateDomain(env, model, node.left);
  validateDomain(env, model, node.right);
}

function resolvePath(env: Env, model: string, leaf: TLeaf): TFieldDef[] {
  const chain: TFieldDef[] = [];
  let current = model;
  for (const name of leaf[0].split(".")) {
    const field = env.field(current, name);
    if (!field)
      throw ValueErrorPy(
        `Invalid field ${current}.${name} in condition ${pythonRepr(leaf).replace(/^\[(.*)\]$/, "($1)")}`,
      );
    chain.push(field);
    if (field.relation) current = field.relation;
  }

  return chain;
}

export function matches(env: Env, model: string, record: TRecord, node: TNode): boolean {
  if ("always" in node) return true;
  if ("leaf" in node) return matchLeaf(env, model, record, node.leaf);
  if (node.op === "!") return !matches(env, model, record, node.child);
  if (node.op === "&") return matches(env, model, record, node.left) && matches(env, model, record, node.right);

  return matches(env, model, record, node.left) || matches(env, model, record, node.right);
}

function matchLeaf(env: Env, model: string, record: TRecord, leaf: TLeaf): boolean {
  const [path, operator, value] = leaf;
  const [first, ...rest] = path.split(".");
  const field = env.field(model, first!)!;
  const raw = env.value(model, record, field);
  if (rest.length && field.relation) {
    const ids = field.type === "many2one" ? (raw ? [raw as number] : []) : (raw as number[]);
    const related = ids.map((id) => env.get(field.relation!, id)).filter((r): r is TRecord => Boolean(r));
    const subLeaf: TLeaf = [rest.join("."), operator, value];
    if (!related.length)
      return operator.startsWith("not") || operator === "!=" ? true : value === false && operator === "=";

    return related.some((sub) => matchLeaf(env, field.relation!, sub, subLeaf));
  }
  if (operator === "child_of" || operator === "parent_of") {
    const ids = hierarchyIds(env, field.relation ?? model, operator, value);
    const own = field.name === "id" ? [record.id] : field.type === "many2one" ? [raw] : (raw as number[]);

    return own.some((id) => typeof id === "number" && ids.has(id));
  }
  if (field.type === "one2many" || field.type === "many2many") return matchMany(raw as number[], operator, value);
  if (field.type === "many2one") return matchManyToOne(env, field, raw as number | false, operator, value);
  if (field.type === "datetime" || field.type === "date") return compareDates(raw, operator, value, field.type);

  return compareScalar(raw, operator, value);
}

function matchMany(ids: number[], operator: string, value: unknown): boolean {
  const wanted = Array.isArray(value) ? value : value === false ? [] : [value];
  const any = ids.some((id) => wanted.includes(id));
  if (operator === "=" || operator === "in") return value === false ? ids.length === 0 : any;
  if (operator === "!=" || operator === "not in") return value === false ? ids.length > 0 : !any;

  return false;
}

function matchManyToOne(env: Env, field: TFieldDef, raw: number | false, operator: string, value: unknown): boolean {
  if (typeof value === "string" && !["child_of", "parent_of"].includes(operator)) {
    const name = raw ? env.displayName(field.relation!, raw) : false;

    return compareScalar(name, operator === "=" ? "ilike" : operator, value);
  }
  return compareScalar(raw, operator, value);
}

function toSeconds(value: unknown, type: "date" | "datetime"): number | null {
  if (value === false || value === null || value === undefined) return null;
  const text = String(value);
  if (type === "date") return Date.parse(`${text.slice(0, 10)}T00:00:00Z`) / 1000;

  return toEpochSeconds(normaliseTimestamp(text));
}

function compareDates(raw: unknown, operator: string, value: unknown, type: "date" | "datetime"): boolean {
  if (operator === "in" || operator === "not in") {
    const values = (Array.isArray(value) ? value : [value]).map((v) => toSeconds(v, type));
    const hit = values.includes(toSeconds(raw, type));

    return operator === "in" ? hit : !hit;
  }
  const left = toSeconds(raw, type);
  const right = toSeconds(value, type);
  if (right === null) return compareScalar(raw === false ? false : raw, operator, value);
  if (left === null) return operator === "!=" || operator === "<>";

  return compareNumbers(left, operator, right);
}

function compareNumbers(left: number, operator: string, right: number): boolean {
  switch (operator) {
    case "=":
      return left === right;
    case "!=":
    case "<>":
      return left !== right;
    case "<":
      return left < right;
    case ">":
      return left > right;
    case "<=":
      return left <= right;
    case ">=":
      return left >= right;
    default:
      return false;
  }
}

function likeToRegExp(pattern: string, wrap: boolean, caseInsensitive: boolean): RegExp {
  const escaped = pattern
    .replace(/[.*+?^${}()|[\]\\]/g, "\\$&")
    .replaceAll("%", ".*")
    .replaceAll("_", ".");

  return new RegExp(wrap ? escaped : `^${escaped}$`, caseInsensitive ? "is" : "s");
}

function compareScalar(raw: unknown, operator: string, value: unknown): boolean {
  const isUnset = raw === false || raw === null || raw === undefined || raw === "";
  switch (operator) {
    case "=":
      return value === false ? isUnset : raw === value;
    case "!=":
    case "<>":
      return value === false ? !isUnset : raw !== value;
    case "in":
    case "not in": {
      const values = Array.isArray(value) ? value : [value];
      const hit = values.includes(raw) || (isUnset && values.includes(false));

      return operator === "in" ? hit : !hit;
    }
    case "like":
    case "ilike":
    case "not like":
    case "not ilike":
    case "=like":
    case "=ilike": {
      if (isUnset) return operator.startsWith("not");
      const regexp = likeToRegExp(String(value), !operator.startsWith("="), operator.includes("ilike"));
      const hit = regexp.test(String(raw));

      return operator.startsWith("not") ? !hit : hit;
    }
    default:
      if (isUnset && typeof raw !== "number") return false;
      if (typeof raw === "number" && typeof value === "number") return compareNumbers(raw, operator, value);

      return compareNumbers(String(raw).localeCompare(String(value)), operator, 0);
  }
}
