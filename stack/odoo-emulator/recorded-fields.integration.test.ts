// The emulator against the field definitions recorded from a real Odoo 19 (fields/): every
// recorded model answers fields_get as Odoo did, stores and reads back every stored scalar
// field, reads unset values as Odoo does, and refuses a field Odoo does not have.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { EMULATOR_API_KEY, startTestEmulator } from "../../test/support/odoo-emulator";
import { recordedModels } from "./orm/recorded-fields";
import type { TRecordedField } from "./orm/types";

let odoo: Awaited<ReturnType<typeof startTestEmulator>>;
const models = [...recordedModels().entries()];
const ATTRIBUTES = [
  "type",
  "string",
  "required",
  "readonly",
  "relation",
  "selection",
  "store",
  "related",
  "company_dependent",
];

beforeAll(async () => {
  odoo = await startTestEmulator();
});
afterAll(() => odoo.stop());
beforeEach(async () => {
  await odoo.admin("POST", "reset", {});
});

async function json2(model: string, method: string, body: Record<string, unknown>) {
  const response = await fetch(`${odoo.url}/json/2/${model}/${method}`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Authorization: `bearer ${EMULATOR_API_KEY}` },
    body: JSON.stringify(body),
  });

  return { status: response.status, body: (await response.json()) as unknown };
}

async function executeKw(model: string, method: string, args: unknown[], kwargs: Record<string, unknown> = {}) {
  const response = await fetch(`${odoo.url}/jsonrpc`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({
      jsonrpc: "2.0",
      method: "call",
      id: 1,
      params: { service: "object", method: "execute_kw", args: ["erp", 2, "admin", model, method, args, kwargs] },
    }),
  });

  return (await response.json()) as { result?: unknown; error?: { data: { name: string; message: string } } };
}

async function ok(model: string, method: string, body: Record<string, unknown>): Promise<unknown> {
  const answer = await json2(model, method, body);
  expect(answer.status, `${model}.${method}: ${JSON.stringify(answer.body)}`).toBe(200);

  return answer.body;
}

// What a record needs before Odoo (and the emulator) will create it.
const REQUIRED: Record<string, () => Promise<Record<string, unknown>>> = {
  "product.category": async () => ({ name: "Chairs" }),
  "stock.quant": async () => ({ product_id: await anyId("product.product"), location_id: 5 }),
  "stock.move": async () => ({ product_id: await anyId("product.product") }),
  "sale.order": async () => ({ partner_id: 1 }),
  "sale.order.line": async () => ({ order_id: await anyId("sale.order"), product_id: await anyId("product.product") }),
  "ir.actions.server": async () => ({ name: "Action", model_id: 90 }),
  "base.automation": async () => ({ name: "Rule", model_id: 90, trigger: "on_create" }),
};

async function anyId(model: string): Promise<number> {
  const [found] = (await ok(model, "search", { domain: [], limit: 1 })) as number[];
  if (found) return found;
  const [created] = (await ok(model, "create", { vals_list: [(await REQUIRED[model]?.()) ?? {}] })) as number[];

  return created!;
}

function sample(name: string, field: TRecordedField): unknown {
  switch (field.type) {
    case "char":
      return `value of ${name}`;
    case "text":
      return `text of ${name}\nsecond line`;
    case "html":
      return `<p>${name}</p>`;
    case "integer":
      return 7;
    case "float":
    case "monetary":
      return 2.5;
    case "boolean":
      return true;
    case "selection":
      return field.selection![0]?.[0];
    case "date":
      return "2026-03-04";
    case "datetime":
      return "2026-03-04 05:06:07";
    default:
      return undefined;
  }
}

describe.each(models)("%s", (model, recorded) => {
  it("answers fields_get with the recorded fields, types and attributes", async () => {
    expect(await ok(model, "fields_get", { attributes: ATTRIBUTES })).toEqual(recorded);
    const types = (await executeKw(model, "fields_get", [], { attributes: ["type"] })).result as Record<string, object>;
    expect(types).toEqual(
      Object.fromEntries(Object.entries(recorded).map(([name, field]) => [name, { type: field.type }])),
    );
  });

  it("stores every stored scalar field Odoo lets a client write, and reads it back", async () => {
    const id = await anyId(model);
    const writable = Object.entries(recorded).filter(([name, field]) => {
      const own = odoo.emulator.registry.field(model, name);

      return field.store && !field.readonly && !field.related && !own?.compute && sample(name, field) !== undefined;
    });
    const values = Object.fromEntries(writable.map(([name, field]) => [name, sample(name, field)]));

    expect(await ok(model, "write", { ids: [id], vals: values })).toBe(true);
    const [row] = (await ok(model, "read", { ids: [id], fields: Object.keys(values) })) as Record<string, unknown>[];
    expect(row).toEqual({ id, ...values });
  });

  it("refuses a field Odoo does not have, over both protocols, with Odoo's ValueError", async () => {
    const message = `Invalid field 'x_not_in_odoo' on model '${model}'`;
    const id = await anyId(model);
    for (const answer of [
      await json2(model, "write", { ids: [id], vals: { x_not_in_odoo: 1 } }),
      await json2(model, "read", { ids: [id], fields: ["x_not_in_odoo"] }),
    ]) {
      expect(answer).toEqual({
        status: 500,
        body: { name: "builtins.ValueError", message, arguments: [message], context: {}, debug: "<traceback omitted>" },
      });
    }
    for (const answer of [
      await executeKw(model, "create", [{ x_not_in_odoo: 1 }]),
      await executeKw(model, "search_read", [[]], { fields: ["x_not_in_odoo"] }),
    ]) {
      expect(answer.error?.data).toMatchObject({ name: "builtins.ValueError", message });
    }
  });
});

describe("unset values", () => {
  it("read as Odoo reads them: false, 0, 0.0 and [] by type", async () => {
    const [id] = (await ok("mail.activity", "create", { vals_list: [{}] })) as number[];
    const [row] = (await ok("mail.activity", "read", { ids: [id] })) as Record<string, unknown>[];
    const expected: Record<string, unknown> = {
      integer: 0,
      many2one_reference: 0,
      float: 0,
      monetary: 0,
      many2many: [],
      one2many: [],
    };
    const recorded = recordedModels().get("mail.activity")!;
    const unset = Object.entries(recorded).filter(
      ([name, field]) =>
        field.store && !field.related && !["id", "create_date", "write_date", "create_uid", "write_uid"].includes(name),
    );

    expect(unset.length).toBeGreaterThan(10);
    for (const [name, field] of unset) expect([name, row![name]]).toEqual([name, expected[field.type] ?? false]);
  });

  it("a set many2one reads as [id, display name], a related field reads through its path", async () => {
    const [productId] = (await ok("product.product", "create", {
      vals_list: [{ name: "Desk", default_code: "DESK-1", description_sale: "A desk" }],
    })) as number[];
    const [product] = (await ok("product.product", "read", {
      ids: [productId],
      fields: ["product_tmpl_id", "description_sale", "uom_name"],
    })) as Record<string, unknown>[];
    expect(product).toMatchObject({ description_sale: "A desk", uom_name: "Units" });
    const [template] = (await ok("product.template", "read", {
      ids: [(product!.product_tmpl_id as [number])[0]],
      fields: ["description_sale"],
    })) as Record<string, unknown>[];
    expect(template).toMatchObject({ description_sale: "A desk" });
    expect(product!.product_tmpl_id).toEqual([expect.any(Number), "[DESK-1] Desk"]);
  });
});
