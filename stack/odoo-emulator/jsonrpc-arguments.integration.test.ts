// How Odoo 19's execute_kw binds arguments: positional lists as its documentation shows,
// and the failures of a real server when a client gets it wrong (recorded against Odoo 19).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { EMULATOR_API_KEY, startTestEmulator } from "../../test/support/odoo-emulator";

let odoo: Awaited<ReturnType<typeof startTestEmulator>>;

beforeAll(async () => {
  odoo = await startTestEmulator();
});
afterAll(() => odoo.stop());
beforeEach(async () => {
  await odoo.admin("POST", "reset", {});
});

async function executeKw(model: string, method: string, args: unknown[], kwargs: Record<string, unknown> = {}) {
  const response = await fetch(`${odoo.url}/jsonrpc`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({
      jsonrpc: "2.0",
      method: "call",
      id: 7,
      params: {
        service: "object",
        method: "execute_kw",
        args: ["erp", 2, EMULATOR_API_KEY, model, method, args, kwargs],
      },
    }),
  });
  expect(response.status).toBe(200);

  return (await response.json()) as {
    result?: unknown;
    error?: { code: number; message: string; data: { name: string; message: string; arguments: unknown[] } };
  };
}

const partnersNamed = async (name: string) =>
  (await executeKw("res.partner", "search", [[["name", "=", name]]])).result;

describe("execute_kw arguments", () => {
  it("create with vals_list as a keyword is IndexError in the JSON-RPC error envelope, and creates nothing", async () => {
    const answer = await executeKw("res.partner", "create", [], { vals_list: [{ name: "Keyword GmbH" }] });

    expect(answer).toEqual({
      jsonrpc: "2.0",
      id: 7,
      error: {
        code: 0,
        message: "Odoo Server Error",
        data: {
          name: "builtins.IndexError",
          message: "list index out of range",
          arguments: ["list index out of range"],
          context: {},
          debug: "<traceback omitted>",
        },
      },
    });
    expect(await partnersNamed("Keyword GmbH")).toEqual([]);
  });

  it("create takes vals_list positionally: one dict gives an id, a list gives a list", async () => {
    const single = await executeKw("res.partner", "create", [{ name: "Positional One" }]);
    const many = await executeKw("res.partner", "create", [[{ name: "Positional Two" }]]);

    expect(single.result).toEqual(expect.any(Number));
    expect(many.result).toEqual([(single.result as number) + 1]);
    expect(await partnersNamed("Positional Two")).toEqual(many.result);
  });

  it("a record method without ids in the positional arguments is IndexError", async () => {
    const write = await executeKw("res.partner", "write", [], { ids: [1], vals: { city: "Nowhere" } });
    const read = await executeKw("res.partner", "read", [], { fields: ["name"] });

    expect(write.error?.data).toMatchObject({ name: "builtins.IndexError", message: "list index out of range" });
    expect(read.error?.data).toMatchObject({ name: "builtins.IndexError", message: "list index out of range" });
  });

  it("the same argument given positionally and by keyword is Python's TypeError", async () => {
    const answer = await executeKw("res.partner", "search", [[]], { domain: [] });

    expect(answer.error?.data).toMatchObject({
      name: "builtins.TypeError",
      message: "BaseModel.search() got multiple values for argument 'domain'",
    });
  });

  it("write [ids, vals], read [ids] + fields, search_read [domain] + keywords work as documented", async () => {
    expect((await executeKw("res.partner", "write", [[1], { city: "Oakland" }])).result).toBe(true);
    expect((await executeKw("res.partner", "read", [[1]], { fields: ["city"] })).result).toEqual([
      { id: 1, city: "Oakland" },
    ]);
    expect(
      (await executeKw("res.partner", "search_read", [[["city", "=", "Oakland"]]], { fields: ["name"], limit: 1 }))
        .result,
    ).toEqual([{ id: 1, name: "My Company" }]);
    expect((await executeKw("res.partner", "search_count", [[["city", "=", "Oakland"]]])).result).toBe(1);
  });
});
