import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { OdooError } from "@/server/odoo/errors";
import { toAppError } from "@/server/odoo/to-app-error";
import { createCertainlyFailed } from "@/server/orders/push-sale-order-create";

const http = (status: number) => new OdooError("http", `HTTP ${status}`, `HTTP ${status}`, status >= 500, status);

describe("createCertainlyFailed", () => {
  it("is sure when Odoo answered with its own exception (its transaction rolled back)", () => {
    const serialization = new OdooError(
      "odoo",
      "psycopg2.errors.SerializationFailure",
      "could not serialize",
      true,
      500,
    );
    expect(createCertainlyFailed(toAppError(serialization))).toBe(true);
    expect(createCertainlyFailed(new OdooError("odoo", "odoo.exceptions.ValidationError", "no", false, 422))).toBe(
      true,
    );
  });

  it("is sure when a proxy or rate limiter refused the request before Odoo ran it", () => {
    for (const status of [429, 503, 401]) expect(createCertainlyFailed(toAppError(http(status)))).toBe(true);
  });

  it("is not sure after a timeout, a dropped connection, a gateway error or an unreadable answer", () => {
    const unsure = [
      new OdooError("timeout", "Timeout", "no answer within 1000 ms", true),
      new OdooError("network", "ECONNRESET", "socket hang up", true),
      http(502),
      http(504),
      new OdooError("invalid_response", "InvalidResponse", "not JSON", true, 200),
    ];
    for (const error of unsure) expect(createCertainlyFailed(toAppError(error)), error.kind).toBe(false);
    expect(createCertainlyFailed(new AppError("UPSTREAM_FAILED", "something else"))).toBe(false);
    expect(createCertainlyFailed(new Error("killed"))).toBe(false);
  });
});
