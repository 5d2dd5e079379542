import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import {
  httpFailure,
  invalidResponse,
  networkFailure,
  odooException,
  OdooError,
  timeoutFailure,
} from "@/server/odoo/errors";
import { toAppError, withAppErrors } from "@/server/odoo/to-app-error";

// Built with the same factories the transports use, with texts from the recorded exchanges.
const CASES: [string, OdooError, { code: string; retryable: boolean; message?: RegExp }][] = [
  ["a timeout", timeoutFailure(5_000), { code: "UPSTREAM_FAILED", retryable: true, message: /not answering/ }],
  [
    "a refused connection",
    networkFailure({ cause: { code: "ECONNREFUSED" } }),
    { code: "UPSTREAM_FAILED", retryable: true },
  ],
  ["an HTML 502 from a proxy", httpFailure(502, "Bad Gateway nginx"), { code: "UPSTREAM_FAILED", retryable: true }],
  ["a 429", httpFailure(429, ""), { code: "UPSTREAM_FAILED", retryable: true }],
  [
    "an HTML 401",
    httpFailure(401, "Unauthorized"),
    { code: "UPSTREAM_FAILED", retryable: false, message: /API key or rights/ },
  ],
  [
    "an unknown database (HTML 404)",
    httpFailure(404, "No database is selected"),
    { code: "UPSTREAM_FAILED", retryable: false, message: /setup/ },
  ],
  [
    "a serialization failure in action_confirm",
    odooException({
      exception: "psycopg2.errors.SerializationFailure",
      message: "could not serialize access due to concurrent update",
      status: 500,
    }),
    { code: "UPSTREAM_FAILED", retryable: true, message: /busy/ },
  ],
  [
    "an unreadable 200",
    invalidResponse("expected JSON, got text/html", { retryable: true, status: 200 }),
    { code: "UPSTREAM_FAILED", retryable: true },
  ],
  [
    "an unexpected shape",
    invalidResponse("sale.order.read returned an unexpected shape", { retryable: false, status: 200 }),
    { code: "UPSTREAM_FAILED", retryable: false },
  ],
  [
    "a missing required value",
    odooException({
      exception: "odoo.exceptions.ValidationError",
      message: "The operation cannot be completed: Missing required value for the field 'Customer' (partner_id).",
      status: 422,
    }),
    { code: "INVALID_INPUT", retryable: false, message: /Missing required value for the field 'Customer'/ },
  ],
  [
    "deleting a confirmed order",
    odooException({
      exception: "odoo.exceptions.UserError",
      message: "You can not delete a sent quotation or a confirmed sales order. You must first cancel it.",
      status: 422,
    }),
    { code: "INVALID_STATE", retryable: false, message: /must first cancel it/ },
  ],
  [
    "a missing record",
    odooException({
      exception: "odoo.exceptions.MissingError",
      message: "Record does not exist or has been deleted.",
      status: 404,
    }),
    { code: "NOT_FOUND", retryable: false },
  ],
  [
    "a user without sales rights",
    odooException({
      exception: "odoo.exceptions.AccessError",
      message: "You are not allowed to access 'Sales Order' (sale.order) records.",
      status: 403,
    }),
    { code: "UPSTREAM_FAILED", retryable: false, message: /API key or rights/ },
  ],
  [
    "a wrong password (JSON-RPC)",
    odooException({ exception: "odoo.exceptions.AccessDenied", message: "Access Denied", status: 200 }),
    { code: "UPSTREAM_FAILED", retryable: false, message: /API key or rights/ },
  ],
  [
    "a wrong API key (JSON-2)",
    odooException({ exception: "werkzeug.exceptions.Unauthorized", message: "Invalid apikey", status: 401 }),
    { code: "UPSTREAM_FAILED", retryable: false, message: /API key or rights/ },
  ],
  [
    "an unknown model (JSON-2)",
    odooException({
      exception: "werkzeug.exceptions.NotFound",
      message: "the model 'sale.ordr' does not exist",
      status: 404,
    }),
    { code: "UPSTREAM_FAILED", retryable: false, message: /setup/ },
  ],
  [
    "an unknown model (JSON-RPC)",
    odooException({ exception: "odoo.exceptions.UserError", message: "Object sale.ordr doesn't exist", status: 200 }),
    { code: "UPSTREAM_FAILED", retryable: false, message: /setup/ },
  ],
  [
    "an unknown field in a domain",
    odooException({
      exception: "builtins.ValueError",
      message: "Invalid field sale.order.nope in condition ('nope', '=', 1)",
      status: 500,
    }),
    { code: "UPSTREAM_FAILED", retryable: false },
  ],
  [
    "an unknown keyword",
    odooException({
      exception: "werkzeug.exceptions.UnprocessableEntity",
      message: "got an unexpected keyword argument 'bogus'",
      status: 422,
    }),
    { code: "UPSTREAM_FAILED", retryable: false },
  ],
  [
    "an unknown database (JSON-RPC)",
    odooException({
      exception: "psycopg2.OperationalError",
      message: 'connection to server at "127.0.0.1", port 55434 failed: FATAL:  database "nosuchdb" does not exist\n',
      status: 200,
    }),
    { code: "UPSTREAM_FAILED", retryable: false, message: /setup/ },
  ],
  [
    "missing settings",
    new OdooError("odoo", "Configuration", "JSON-2 needs ODOO_API_KEY", false),
    { code: "UPSTREAM_FAILED", retryable: false, message: /settings/ },
  ],
];

describe("toAppError", () => {
  it.each(CASES)("maps %s", (_label, odooError, expected) => {
    const error = toAppError(odooError);

    expect(error).toBeInstanceOf(AppError);
    expect({ code: error.code, retryable: error.retryable }).toEqual({
      code: expected.code,
      retryable: expected.retryable,
    });
    if (expected.message) expect(error.message).toMatch(expected.message);
    expect(error.cause).toBe(odooError);
  });

  it("never shows a host, port or URL", () => {
    const leaky = [
      odooException({
        exception: "psycopg2.OperationalError",
        message: 'connection to server at "10.0.3.7", port 5432 failed: timeout',
        status: 500,
      }),
      odooException({
        exception: "odoo.exceptions.ValidationError",
        message: "Webhook https://hooks.example.com/odoo?secret=abc failed from 192.168.1.20:8069",
        status: 422,
      }),
      odooException({
        exception: "odoo.exceptions.UserError",
        message: "Cannot reach http://odoo.internal:8069/web",
        status: 422,
      }),
    ];
    for (const error of leaky) {
      const { message } = toAppError(error);
      expect(message).not.toMatch(/10\.0\.3\.7|192\.168|5432|8069|hooks\.example|odoo\.internal|secret=abc/);
    }
  });

  it("maps OdooErrors thrown inside withAppErrors and lets other errors through", async () => {
    await expect(withAppErrors(() => Promise.reject(timeoutFailure(10)))).rejects.toMatchObject({
      name: "AppError",
      code: "UPSTREAM_FAILED",
      retryable: true,
    });
    const bug = new TypeError("x is undefined");
    await expect(withAppErrors(() => Promise.reject(bug))).rejects.toBe(bug);
    expect(await withAppErrors(async () => 42)).toBe(42);
  });
});
