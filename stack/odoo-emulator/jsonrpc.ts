// POST /jsonrpc — the classic external API (common.version / authenticate, object.execute_kw):
// errors come back as HTTP 200 with an `error` object, and a None result has no `result` key.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { OdooEmulator } from "./emulator";
import { AccessDenied, AttributeErrorPy, IndexErrorPy, KeyErrorPy, OdooError, TypeErrorPy, UserError } from "./errors";
import { isJsonContentType, sendHtml, sendJson, unsupportedMediaType } from "./http-responses";
import { isSingleCreate, type TJson2Call } from "./json2";
import { requireIds, resolveMethod } from "./orm/methods";
import type { TMethod } from "./orm/types";

const VERSION = {
  server_version: "19.0",
  server_version_info: [19, 0, 0, "final", 0, ""],
  server_serie: "19.0",
  protocol_version: 1,
};

type TEnvelope = { id?: unknown; params?: { service?: string; method?: string; args?: unknown[] } };

export async function handleJsonRpc(
  emulator: OdooEmulator,
  req: IncomingMessage,
  res: ServerResponse,
  rawBody: string,
  runFaulted: (call: TJson2Call, work: () => Promise<unknown>) => Promise<{ value: unknown } | "handled">,
): Promise<void> {
  if (!isJsonContentType(req.headers["content-type"]))
    return sendHtml(res, 415, unsupportedMediaType("/jsonrpc", "jsonrpc"));
  let envelope: TEnvelope;
  try {
    envelope = JSON.parse(rawBody) as TEnvelope;
  } catch {
    return sendHtml(res, 400, "Invalid JSON data");
  }
  const id = envelope?.id ?? null;
  try {
    const { service, method, args } = envelope.params ?? {};
    if (args === undefined) throw TypeErrorPy("JSONRPC.jsonrpc() missing 1 required positional argument: 'args'");
    let value: unknown;
    if (service === "common") value = common(emulator, String(method), args);
    else if (service === "object") {
      const outcome = await object(emulator, String(method), args, runFaulted);
      if (outcome === "handled") return;
      value = outcome.value;
    } else throw KeyErrorPy(String(service));
    sendJson(
      res,
      200,
      value === null || value === undefined
        ? { jsonrpc: "2.0", id }
        : { jsonrpc: "2.0", id, result: isSingleCreate(value) ? value.single : value },
    );
  } catch (error) {
    const odooError =
      error instanceof OdooError
        ? error
        : new OdooError("builtins.Exception", error instanceof Error ? error.message : String(error), 500);
    if (!res.headersSent)
      sendJson(res, 200, {
        jsonrpc: "2.0",
        id,
        error: { code: 0, message: "Odoo Server Error", data: odooError.body() },
      });
  }
}

function checkDatabase(emulator: OdooEmulator, db: unknown): void {
  if (db !== emulator.options.db) {
    throw new OdooError(
      "psycopg2.OperationalError",
      `connection to server at "127.0.0.1", port 55434 failed: FATAL:  database "${String(db)}" does not exist\n`,
      500,
    );
  }
}

function common(emulator: OdooEmulator, method: string, args: unknown[]): unknown {
  if (method === "version") return VERSION;
  if (method === "authenticate" || method === "login") {
    const [db, login, password] = args;
    checkDatabase(emulator, db);

    return emulator.login(String(login), String(password));
  }
  throw AttributeErrorPy(`The method 'common.${method}' does not exist`);
}

async function object(
  emulator: OdooEmulator,
  method: string,
  args: unknown[],
  runFaulted: (call: TJson2Call, work: () => Promise<unknown>) => Promise<{ value: unknown } | "handled">,
): Promise<{ value: unknown } | "handled"> {
  if (method !== "execute_kw" && method !== "execute")
    throw AttributeErrorPy(`The method 'object.${method}' does not exist`);
  const [db, uid, password, model, modelMethod, ...rest] = args as [
    string,
    number,
    string,
    string,
    string,
    ...unknown[],
  ];
  checkDatabase(emulator, db);
  if (!emulator.checkCredentials(Number(uid), String(password))) throw AccessDenied("Access Denied");
  if (!emulator.env.model(model)) throw UserError(`Object ${model} doesn't exist`);
  const target = resolveMethod(emulator.env, model, modelMethod);
  if (!target) throw AttributeErrorPy(`The method '${model}.${modelMethod}' does not exist`);

  const positional = method === "execute_kw" ? ((rest[0] as unknown[]) ?? []) : rest;
  const { context = {}, ...keywords } = method === "execute_kw" ? ((rest[1] as Record<string, unknown>) ?? {}) : {};
  // Odoo's call_kw takes a record method's ids as args[0]: with no positional argument, Python's IndexError.
  if (target.level === "record" && positional.length === 0) throw IndexErrorPy("list index out of range");
  const [ids, remaining] =
    target.level === "record" ? [requireIds(positional[0]), positional.slice(1)] : [null, positional];
  const names = target.positional ?? [];
  const pythonName = `${pythonClassOf(emulator, model, modelMethod)}.${modelMethod}()`;
  if (remaining.length > names.length)
    throw TypeErrorPy(
      `${model}.${modelMethod}() takes ${names.length + 1} positional arguments but ${remaining.length + 1} were given`,
    );
  // JSON-2 checks keywords itself (422 UnprocessableEntity); over JSON-RPC Python's own call fails.
  const unexpected = Object.keys(keywords).find((name) => !target.params.includes(name));
  if (unexpected) throw TypeErrorPy(`${pythonName} got an unexpected keyword argument '${unexpected}'`);
  const twice = names.slice(0, remaining.length).find((name) => name in keywords);
  if (twice) throw TypeErrorPy(`${pythonName} got multiple values for argument '${twice}'`);
  const kwargs: Record<string, unknown> = { ...keywords };
  remaining.forEach((value, index) => {
    kwargs[names[index]!] = value;
  });
  const call = { model, method: modelMethod, ids, kwargs, context: context as Record<string, unknown> };
  const run = modelMethod === "create" && positional.length === 0 ? createThenIndexError(target) : target;

  return runFaulted({ uid: Number(uid), model, method: modelMethod, ids }, () =>
    emulator.execute(Number(uid), run, call),
  );
}

/**
 * Real Odoo 19 runs `create(vals_list=…)` given as a keyword over execute_kw, then reads
 * `args[0]` to choose between one id and a list: IndexError, and the transaction rolls back
 * (the ids and sequence numbers it drew stay used, as in PostgreSQL).
 */
function createThenIndexError(target: TMethod): TMethod {
  return {
    ...target,
    run: (env, model, args) => {
      target.run(env, model, args);
      throw IndexErrorPy("list index out of range");
    },
  };
}

/** The Python class Odoo's error messages name: BaseModel for ORM methods, the model's class (res.partner → ResPartner) for its own. */
function pythonClassOf(emulator: OdooEmulator, model: string, method: string): string {
  if (!emulator.env.model(model)?.methods?.[method]) return "BaseModel";

  return model
    .split(".")
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join("");
}
