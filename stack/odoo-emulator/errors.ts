// Odoo's exceptions as the emulator raises them. `name` is the Python class path Odoo
// reports; JSON-2 maps it to an HTTP status, JSON-RPC wraps it in an HTTP 200 envelope.

export class OdooError extends Error {
  constructor(
    readonly odooName: string,
    message: string,
    readonly json2Status: number,
    /** werkzeug exceptions carry [message, status] as arguments; odoo.exceptions carry [message]. */
    readonly withStatusArgument = false,
  ) {
    super(message);
  }

  body() {
    return {
      name: this.odooName,
      message: this.message,
      arguments: this.withStatusArgument ? [this.message, this.json2Status] : [this.message],
      context: {},
      debug: "<traceback omitted>",
    };
  }
}

const odoo = (name: string, status: number) => (message: string) =>
  new OdooError(`odoo.exceptions.${name}`, message, status);
const werkzeug = (name: string, status: number) => (message: string) =>
  new OdooError(`werkzeug.exceptions.${name}`, message, status, true);
const builtin = (name: string, status: number) => (message: string) =>
  new OdooError(`builtins.${name}`, message, status);

export const ValidationError = odoo("ValidationError", 422);
export const UserError = odoo("UserError", 422);
export const MissingError = odoo("MissingError", 404);
export const AccessError = odoo("AccessError", 403);
export const AccessDenied = odoo("AccessDenied", 401);
export const BadRequest = werkzeug("BadRequest", 400);
export const Unauthorized = werkzeug("Unauthorized", 401);
export const NotFound = werkzeug("NotFound", 404);
export const UnprocessableEntity = werkzeug("UnprocessableEntity", 422);
export const ValueErrorPy = builtin("ValueError", 500);
export const TypeErrorPy = builtin("TypeError", 500);
export const AttributeErrorPy = builtin("AttributeError", 500);
export const KeyErrorPy = builtin("KeyError", 500);
export const IndexErrorPy = builtin("IndexError", 500);

/** Raised by injected faults and internal failures that Odoo would answer with a 5xx. */
export const ServerError = (message: string, status = 500) => new OdooError("builtins.RuntimeError", message, status);

export function missingRecord(model: string, ids: number[], uid: number): OdooError {
  const tuple = ids.length === 1 ? `${ids[0]},` : ids.join(", ");

  return MissingError(`Record does not exist or has been deleted.\n(Record: ${model}(${tuple}), User: ${uid})`);
}
