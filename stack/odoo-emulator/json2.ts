// POST /json/2/<model>/<method> — Odoo 19's external API: bearer API key, keyword
// arguments only, real HTTP statuses for errors (and two HTML pages).
import type { IncomingMessage, ServerResponse } from "node:http";
import type { OdooEmulator } from "./emulator";
import { BadRequest, NotFound, OdooError, Unauthorized } from "./errors";
import { isJsonContentType, NO_DATABASE_PAGE, sendHtml, sendJson, unsupportedMediaType } from "./http-responses";
import { methodNotFound, requireIds, resolveMethod } from "./orm/methods";
import { pythonJsonError } from "./python-json-errors";

export type TJson2Call = {
  uid: number;
  model: string;
  method: string;
  /** The records a record method runs on (fault rules look at them). */
  ids?: number[] | null;
};

export async function handleJson2(
  emulator: OdooEmulator,
  req: IncomingMessage,
  res: ServerResponse,
  rawBody: string,
  route: { model: string; method: string },
  runFaulted: (call: TJson2Call, work: () => Promise<unknown>) => Promise<{ value: unknown } | "handled">,
): Promise<void> {
  try {
    if (req.method !== "POST") throw NotFound("Did you mean POST /json/2/<model>/<method>?");
    const database = req.headers["x-odoo-database"];
    if (database !== undefined && database !== emulator.options.db) return sendHtml(res, 404, NO_DATABASE_PAGE);
    if (!isJsonContentType(req.headers["content-type"]))
      return sendHtml(res, 415, unsupportedMediaType("/json/2/&lt;__model__&gt;/&lt;__method__&gt;", "json2"));

    const authorization = req.headers.authorization;
    const match = /^bearer\s+(\S+)$/i.exec(authorization ?? "");
    if (!authorization)
      throw Unauthorized("User not authenticated, use an API Key with a Bearer Authorization header.");
    const uid = match ? emulator.userForApiKey(match[1]!) : null;
    if (!uid) throw Unauthorized("Invalid apikey");

    const parseError = pythonJsonError(rawBody);
    if (parseError) throw BadRequest(`could not parse the body as json: ${parseError}`);
    const body = (JSON.parse(rawBody) ?? {}) as Record<string, unknown>;
    if (typeof body !== "object" || Array.isArray(body))
      throw BadRequest("the body must be a JSON object of keyword arguments");

    if (!emulator.env.model(route.model)) throw NotFound(`the model '${route.model}' does not exist`);
    const target = resolveMethod(emulator.env, route.model, route.method);
    if (!target) throw methodNotFound(route.model, route.method);
    const { ids, context = {}, ...kwargs } = body;
    const call = {
      model: route.model,
      method: route.method,
      ids: ids === undefined ? null : requireIds(ids),
      kwargs,
      context: context as Record<string, unknown>,
    };

    const outcome = await runFaulted({ uid, model: route.model, method: route.method, ids: call.ids }, () =>
      emulator.execute(uid, target, call),
    );
    if (outcome === "handled") return;
    const value = outcome.value;
    // create always answers a list of ids over JSON-2.
    sendJson(res, 200, isSingleCreate(value) ? [value.single] : (value ?? null));
  } catch (error) {
    sendError(res, error);
  }
}

export function isSingleCreate(value: unknown): value is { single: number } {
  return typeof value === "object" && value !== null && "single" in value && Object.keys(value).length === 1;
}

function sendError(res: ServerResponse, error: unknown): void {
  if (res.headersSent) return;
  const odooError =
    error instanceof OdooError
      ? error
      : new OdooError("builtins.Exception", error instanceof Error ? error.message : String(error), 500);
  const headers: Record<string, string> = odooError.json2Status === 401 ? { "WWW-Authenticate": "Bearer" } : {};
  sendJson(res, odooError.json2Status, odooError.body(), headers);
}
