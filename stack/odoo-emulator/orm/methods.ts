// The methods every model has, and the dispatcher both protocols call: it checks the
// method is public, known and given only the arguments it takes, as Odoo does.
import { AccessError, NotFound, UnprocessableEntity, UserError, ValueErrorPy } from "../errors";
import type { Env } from "./env";
import type { TMethod, TMethodArgs } from "./types";

const asList = (value: unknown): unknown[] =>
  Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
const asFields = (value: unknown): string[] | null => (Array.isArray(value) ? (value as string[]) : null);
const asNumber = (value: unknown): number | undefined => (typeof value === "number" ? value : undefined);

export const COMMON_METHODS: Record<string, TMethod> = {
  create: {
    level: "model",
    params: ["vals_list"],
    positional: ["vals_list"],
    run: (env, model, { kwargs }) => {
      const single = !Array.isArray(kwargs.vals_list);
      const ids = asList(kwargs.vals_list).map((vals) => env.create(model, (vals ?? {}) as Record<string, unknown>));

      return single ? { single: ids[0] } : ids;
    },
  },
  write: {
    level: "record",
    params: ["vals"],
    positional: ["vals"],
    run: (env, model, { ids, kwargs }) => env.write(model, ids, (kwargs.vals ?? {}) as Record<string, unknown>),
  },
  unlink: { level: "record", params: [], run: (env, model, { ids }) => env.unlink(model, ids) },
  read: {
    level: "record",
    params: ["fields", "load"],
    positional: ["fields", "load"],
    run: (env, model, { ids, kwargs }) => env.read(model, ids, asFields(kwargs.fields)),
  },
  search: {
    level: "model",
    params: ["domain", "offset", "limit", "order"],
    positional: ["domain", "offset", "limit", "order"],
    run: (env, model, { kwargs }) =>
      env.search(model, kwargs.domain, {
        offset: asNumber(kwargs.offset),
        limit: asNumber(kwargs.limit),
        order: kwargs.order as string | undefined,
      }),
  },
  search_read: {
    level: "model",
    params: ["domain", "fields", "offset", "limit", "order", "load"],
    positional: ["domain", "fields", "offset", "limit", "order"],
    run: (env, model, { kwargs }) => {
      const ids = env.search(model, kwargs.domain, {
        offset: asNumber(kwargs.offset),
        limit: asNumber(kwargs.limit),
        order: kwargs.order as string | undefined,
      });

      return env.read(model, ids, asFields(kwargs.fields));
    },
  },
  search_count: {
    level: "model",
    params: ["domain", "limit"],
    positional: ["domain", "limit"],
    run: (env, model, { kwargs }) => env.search(model, kwargs.domain, { limit: asNumber(kwargs.limit) }).length,
  },
  fields_get: {
    level: "model",
    params: ["allfields", "attributes"],
    positional: ["allfields", "attributes"],
    run: (env, model, { kwargs }) => fieldsGet(env, model, asFields(kwargs.allfields), asFields(kwargs.attributes)),
  },
};

function fieldsGet(
  env: Env,
  model: string,
  allfields: string[] | null,
  attributes: string[] | null,
): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const field of env.fields(model)) {
    if (allfields?.length && !allfields.includes(field.name)) continue;
    // The recorded answer of a real Odoo 19 where there is one (only the attributes recorded).
    const description: Record<string, unknown> = field.recorded ?? {
      type: field.type,
      string: field.string,
      required: Boolean(field.required),
      readonly: Boolean(field.compute) || field.name === "id",
      company_dependent: Boolean(field.companyDependent),
      ...(field.relation ? { relation: field.relation } : {}),
      ...(field.selection ? { selection: field.selection } : {}),
    };
    const wanted = attributes?.length ? attributes : Object.keys(description);
    result[field.name] = Object.fromEntries(
      wanted
        .filter((key) => key in description)
        .sort()
        .map((key) => [key, description[key]]),
    );
  }

  return result;
}

export type TCall = {
  model: string;
  method: string;
  ids: number[] | null;
  kwargs: Record<string, unknown>;
  context: Record<string, unknown>;
};

/** Finds the method or raises what Odoo raises; the protocols translate unknown model/method themselves. */
export function resolveMethod(env: Env, model: string, method: string): TMethod | undefined {
  if (method.startsWith("_"))
    throw AccessError(`Private methods (such as '${model}.${method}') cannot be called remotely.`);

  return env.model(model)?.methods?.[method] ?? COMMON_METHODS[method];
}

/** Runs a resolved call (protocol checks done) inside the current transaction. */
export function runMethod(env: Env, target: TMethod, call: TCall): unknown {
  const unexpected = Object.keys(call.kwargs).find((name) => !target.params.includes(name));
  if (unexpected) throw UnprocessableEntity(`got an unexpected keyword argument '${unexpected}'`);
  if (target.level === "model" && call.ids !== null)
    throw UnprocessableEntity(`cannot call ${call.model}.${call.method} with ids`);
  checkContext(call.context);

  return target.run(env, call.model, {
    ids: call.ids ?? [],
    kwargs: call.kwargs,
    context: call.context,
  } satisfies TMethodArgs);
}

function checkContext(context: Record<string, unknown>): void {
  if (context.lang !== undefined && context.lang !== false && context.lang !== "en_US")
    throw UserError(`Invalid language code: ${String(context.lang)}`);
}

export function methodNotFound(model: string, method: string) {
  return NotFound(`The method '${model}.${method}' does not exist`);
}

export function requireIds(value: unknown): number[] {
  const ids = asList(value);
  if (!ids.every((id) => Number.isInteger(id))) throw ValueErrorPy(`Invalid ids: ${JSON.stringify(value)}`);

  return ids as number[];
}
