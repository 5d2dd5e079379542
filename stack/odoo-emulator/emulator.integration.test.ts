// The emulator beyond the recorded contract: injected faults behave as configured,
// "sales rep" actions fire webhooks like Odoo's UI, state survives restarts, bad input
// never crashes it, and the CLI starts it.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { OdooClient } from "../../server/odoo/client";
import { OdooError } from "../../server/odoo/errors";
import { startListener } from "./contract/listener";
import { EMULATOR_API_KEY, startTestEmulator } from "../../test/support/odoo-emulator";
import { freePort } from "../../test/support/free-port";
import { startService, stopService } from "../lib/processes";

let odoo: Awaited<ReturnType<typeof startTestEmulator>>;
let listener: Awaited<ReturnType<typeof startListener>>;
let hookUrl: string;
const client = () =>
  new OdooClient({
    url: odoo.url,
    db: "erp",
    protocol: "json2",
    apiKey: EMULATOR_API_KEY,
    timeoutMs: 3_000,
    maxConcurrency: 4,
  });
const bodies = () => listener.received.map((hook) => JSON.parse(hook.bodyRaw) as Record<string, unknown>);

beforeAll(async () => {
  odoo = await startTestEmulator();
  const port = await freePort();
  listener = await startListener(port);
  hookUrl = `http://127.0.0.1:${port}/hook`;
});
afterAll(async () => {
  await odoo.stop();
  await new Promise((resolve) => listener.server.close(resolve));
});
beforeEach(async () => {
  await odoo.admin("POST", "reset", {});
  listener.received.length = 0;
});

async function failure(promise: Promise<unknown>): Promise<OdooError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(OdooError);

  return error as OdooError;
}

describe("fault injection", () => {
  it("commit then drop: the order is created in Odoo while the caller sees a retryable network error", async () => {
    await odoo.admin("POST", "faults", { kind: "commit_then_drop", model: "sale.order", method: "create", count: 1 });
    const error = await failure(client().create("sale.order", { partner_id: 1, client_order_ref: "TP-DUP-1" }));

    expect(error).toMatchObject({ kind: "network", retryable: true });
    expect(await client().search("sale.order", [["client_order_ref", "=", "TP-DUP-1"]])).toHaveLength(1);
  });

  it("an outage refuses every request for its duration, then Odoo is back", async () => {
    await odoo.admin("POST", "faults", { kind: "outage", durationMs: 600 });
    expect(await failure(client().version())).toMatchObject({ kind: "network", retryable: true });
    expect(await failure(client().searchCount("res.partner"))).toMatchObject({ kind: "network" });
    await sleep(700);
    expect(await client().version()).toEqual({ version: "19.0", major: 19 });
  });

  it("adds latency to the matching calls only", async () => {
    await odoo.admin("POST", "faults", { kind: "latency", delayMs: 300, model: "res.partner", method: "search_count" });
    let started = performance.now();
    await client().searchCount("res.partner");
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
    started = performance.now();
    await client().searchCount("res.country");
    expect(performance.now() - started).toBeLessThan(250);
  });

  it("a timeout fault holds the request until the caller gives up", async () => {
    await odoo.admin("POST", "faults", { kind: "timeout", delayMs: 1_000, model: "res.partner", count: 1 });
    const slow = new OdooClient({
      url: odoo.url,
      db: "erp",
      protocol: "json2",
      apiKey: EMULATOR_API_KEY,
      timeoutMs: 300,
      maxConcurrency: 1,
    });
    expect(await failure(slow.searchCount("res.partner"))).toMatchObject({ kind: "timeout", retryable: true });
  });

  it("applies an error rate as a probability", async () => {
    await odoo.admin("POST", "faults", {
      kind: "error",
      status: 503,
      rate: 0.5,
      model: "res.country",
      method: "search_count",
    });
    const outcomes = await Promise.all(
      Array.from({ length: 40 }, () =>
        client()
          .searchCount("res.country")
          .then(
            () => "ok",
            () => "failed",
          ),
      ),
    );
    const failed = outcomes.filter((outcome) => outcome === "failed").length;

    expect(failed).toBeGreaterThan(6);
    expect(failed).toBeLessThan(34);
  });

  it("drops webhooks, or delivers them late, when told to", async () => {
    await odoo.admin("POST", "webhook-rules", {
      model: "res.partner",
      triggerFields: ["street"],
      fields: ["street"],
      url: hookUrl,
    });
    await odoo.admin("PUT", "faults/webhooks", { drop: true });
    await client().write("res.partner", [1], { street: "Dropped Street 1" });
    expect(listener.received).toHaveLength(0);

    await odoo.admin("PUT", "faults/webhooks", { delayMs: 400 });
    const started = performance.now();
    await client().write("res.partner", [1], { street: "Late Street 2" });
    expect(performance.now() - started).toBeLessThan(300);
    expect(listener.received).toHaveLength(0);
    await sleep(600);
    expect(bodies().map((body) => body.street)).toEqual(["Late Street 2"]);
  });

  it("refuses a malformed fault rule with a clear 400", async () => {
    const answer = await odoo.admin("POST", "faults", { kind: "meteor", rate: 3 });
    expect(answer.status).toBe(400);
    expect(JSON.stringify(answer.body)).toMatch(/kind/);
    expect((await odoo.admin("GET", "faults")).body).toMatchObject({ rules: [] });
  });
});

describe("acting as Odoo's users", () => {
  beforeEach(async () => {
    for (const rule of [
      { model: "sale.order", triggerFields: ["state"], fields: ["name", "state", "partner_id", "client_order_ref"] },
      { model: "stock.picking", trigger: "on_state_set", stateValue: "done", fields: ["name", "state", "sale_id"] },
      { model: "stock.quant", triggerFields: ["quantity"], fields: ["product_id", "location_id", "quantity"] },
      {
        model: "res.partner",
        triggerFields: ["street", "city", "zip", "credit_limit"],
        fields: ["name", "street", "city"],
      },
    ]) {
      expect((await odoo.admin("POST", "webhook-rules", { ...rule, url: hookUrl })).status).toBe(200);
    }
  });

  it("a stock count, a sales rep's confirmed order and its delivery fire the webhooks Odoo would", async () => {
    const [productId] = await client().create("product.product", {
      name: "Desk Grommet",
      default_code: "ACC-GROMMET-80",
      list_price: 12.5,
      type: "consu",
      is_storable: true,
    });
    await odoo.admin("POST", "actions/stock", { defaultCode: "ACC-GROMMET-80", quantity: 40 });
    // Creating the counted quant fires "on creation" (quantity 0), then applying the count
    // moves 40 from the inventory-adjustment location: that quant first, then WH/Stock.
    expect(
      bodies()
        .filter((body) => body._model === "stock.quant")
        .map((body) => body.quantity),
    ).toEqual([0, -40, 40]);

    listener.received.length = 0;
    const order = (
      await odoo.admin("POST", "actions/sale-order", {
        partnerId: 1,
        clientOrderRef: "REP-1",
        lines: [{ productId, quantity: 5, priceUnit: 11 }],
      })
    ).body as { id: number; name: string; state: string; pickingIds: number[] };
    expect(order).toMatchObject({ state: "sale", pickingIds: [expect.any(Number)] });
    expect(bodies().map((body) => [body._model, body.state])).toEqual([
      ["sale.order", "draft"],
      ["sale.order", "sale"],
    ]);

    listener.received.length = 0;
    await odoo.admin("POST", "actions/deliver", { saleOrderId: order.id, trackingRef: "DHL-REP-1" });
    expect(bodies().map((body) => body._model)).toEqual(["stock.quant", "stock.quant", "stock.picking"]);
    expect(bodies().at(-1)).toMatchObject({ state: "done", sale_id: order.id });
    const [picking] = await client().read(
      "stock.picking",
      order.pickingIds,
      ["carrier_tracking_ref", "state"],
      z.object({ id: z.number(), carrier_tracking_ref: z.string(), state: z.string() }),
    );
    expect(picking).toMatchObject({ carrier_tracking_ref: "DHL-REP-1", state: "done" });
  });

  it("an address or credit limit change fires the partner webhook; other edits do not", async () => {
    await odoo.admin("POST", "actions/partner", { id: 1, values: { street: "1 New Street", city: "Springfield" } });
    await odoo.admin("POST", "actions/partner", { id: 1, values: { email: "no-hook@example.com" } });
    await odoo.admin("POST", "actions/partner", { id: 1, values: { credit_limit: 9000 } });

    expect(bodies().map((body) => body.street)).toEqual(["1 New Street", "1 New Street"]);
  });

  it("rejects a malformed action with a 400 and changes nothing", async () => {
    const answer = await odoo.admin("POST", "actions/sale-order", { partnerId: "one", lines: [] });
    expect(answer.status).toBe(400);
    expect(await client().searchCount("sale.order")).toBe(0);
    expect(listener.received).toHaveLength(0);
  });
});

describe("domains, order and paging", () => {
  it("evaluates Odoo's operators, prefix logic and dotted paths", async () => {
    const c = client();
    const [acme] = await c.create("res.partner", {
      name: "Acme Interiors",
      is_company: true,
      ref: "ACME-1",
      city: "Berlin",
      country_id: 57,
      credit_limit: 100,
    });
    const [dock] = await c.create("res.partner", {
      name: "Dock 4",
      type: "delivery",
      parent_id: acme,
      city: "Hamburg",
      country_id: 57,
    });
    const [north] = await c.create("res.partner", {
      name: "North Wing",
      type: "delivery",
      parent_id: dock,
      city: "hamburg",
    });
    const [other] = await c.create("res.partner", {
      name: "Other GmbH",
      is_company: true,
      ref: "OTH-9",
      city: "Munich",
      credit_limit: 900,
    });
    const find = (domain: unknown[]) => c.search("res.partner", domain, { order: "id" });

    expect(
      await find([
        ["id", "in", [acme, dock, north, other]],
        ["city", "ilike", "HAMBURG"],
      ]),
    ).toEqual([dock, north]);
    expect(await find([["city", "=like", "Ham%"]])).toEqual([dock]);
    expect(await find([["city", "=ilike", "ham%"]])).toEqual([dock, north]);
    expect(await find([["ref", "like", "ACME"]])).toEqual([acme]);
    expect(
      await find([
        ["ref", "not like", "-"],
        ["id", "in", [acme, other]],
      ]),
    ).toEqual([]);
    expect(await find([["id", "child_of", acme]])).toEqual([acme, dock, north]);
    expect(await find([["parent_id", "child_of", acme]])).toEqual([dock, north]);
    expect(await find(["|", ["ref", "=", "ACME-1"], ["ref", "=", "OTH-9"]])).toEqual([acme, other]);
    expect(await find(["!", ["is_company", "=", true], ["id", "in", [acme, dock, other]]])).toEqual([dock]);
    expect(
      await find([
        ["credit_limit", ">", 100],
        ["id", "in", [acme, other]],
      ]),
    ).toEqual([other]);
    expect(
      await find([
        ["credit_limit", "<=", 100],
        ["id", "in", [acme, other]],
      ]),
    ).toEqual([acme]);
    expect(
      await find([
        ["country_id.code", "=", "DE"],
        ["id", "in", [acme, dock, north, other]],
      ]),
    ).toEqual([acme, dock]);
    expect(
      await find([
        ["ref", "=", false],
        ["id", "in", [acme, dock]],
      ]),
    ).toEqual([dock]);
    expect(
      await find([
        ["ref", "!=", false],
        ["id", "in", [acme, dock]],
      ]),
    ).toEqual([acme]);
    expect(
      await find([
        ["id", "not in", [1, 2, 3, 4, 5, acme, dock]],
        ["is_company", "=", true],
      ]),
    ).toEqual([other]);
    expect(
      await c.search("res.partner", [["id", "in", [acme, dock, north, other]]], {
        order: "name desc",
        limit: 2,
        offset: 1,
      }),
    ).toEqual([north, dock]);
  });

  it("charges the configured domestic sales tax", async () => {
    const taxed = await startTestEmulator({ salesTaxPercent: 19 });
    try {
      const c = new OdooClient({
        url: taxed.url,
        db: "erp",
        protocol: "json2",
        apiKey: EMULATOR_API_KEY,
        timeoutMs: 2_000,
        maxConcurrency: 1,
      });
      const [productId] = await c.create("product.product", { name: "Widget", list_price: 100, type: "consu" });
      const [orderId] = await c.create("sale.order", {
        partner_id: 1,
        order_line: [[0, 0, { product_id: productId, product_uom_qty: 2 }]],
      });
      const [order] = await c.read(
        "sale.order",
        [orderId!],
        ["amount_untaxed", "amount_tax", "amount_total"],
        z.object({ id: z.number(), amount_untaxed: z.number(), amount_tax: z.number(), amount_total: z.number() }),
      );
      expect(order).toMatchObject({ amount_untaxed: 200, amount_tax: 38, amount_total: 238 });
    } finally {
      await taxed.stop();
    }
  });
});

describe("robustness", () => {
  it("answers every malformed request like Odoo, without crashing", async () => {
    const post = (pathName: string, body: string, headers: Record<string, string> = {}) =>
      fetch(`${odoo.url}${pathName}`, {
        method: "POST",
        body,
        headers: { "Content-Type": "application/json", Authorization: `bearer ${EMULATOR_API_KEY}`, ...headers },
      });
    const cases = [
      post("/json/2/res.partner/search", "[]"),
      post("/json/2/res.partner/search", '{"domain": "not a list"}'),
      post("/json/2/res.partner/search", '{"domain": [["name", "≈", "x"]]}'),
      post("/json/2/res.partner/read", '{"ids": "seven"}'),
      post("/json/2/res.partner/write", '{"ids": [1], "vals": {"nope": 1}}'),
      post("/json/2/res.partner/create", '{"vals_list": [{"country_id": "germany"}]}'),
      post("/json/2/res.partner/search", "\u0000\u0001"),
      post("/jsonrpc", '{"jsonrpc": "2.0", "params": {"service": "object", "method": "execute_kw", "args": "nope"}}'),
      post(
        "/jsonrpc",
        '{"jsonrpc": "2.0", "params": {"service": "object", "method": "execute_kw", "args": ["erp", 2, "admin", "res.partner", "read", "x", 5]}}',
      ),
      post("/jsonrpc", "[1, 2, 3]"),
    ];
    for (const response of await Promise.all(cases)) {
      expect(response.status).toBeGreaterThanOrEqual(200);
      expect(["application/json; charset=utf-8", "text/html; charset=utf-8"]).toContain(
        response.headers.get("content-type"),
      );
    }
    expect(await client().version()).toEqual({ version: "19.0", major: 19 });
  });
});

describe("keyword arguments Odoo does not know", () => {
  it("are a 422 UnprocessableEntity over JSON-2 and a Python TypeError over JSON-RPC, as in Odoo", async () => {
    const json2 = await fetch(`${odoo.url}/json/2/res.partner/search`, {
      method: "POST",
      body: '{"domain": [], "bogus": 1}',
      headers: { "Content-Type": "application/json", Authorization: `bearer ${EMULATOR_API_KEY}` },
    });
    expect(json2.status).toBe(422);
    expect(await json2.json()).toMatchObject({
      name: "werkzeug.exceptions.UnprocessableEntity",
      message: "got an unexpected keyword argument 'bogus'",
    });

    const jsonrpc = await fetch(`${odoo.url}/jsonrpc`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({
        jsonrpc: "2.0",
        method: "call",
        id: 1,
        params: {
          service: "object",
          method: "execute_kw",
          args: ["erp", 2, EMULATOR_API_KEY, "res.partner", "search", [[]], { bogus: 1 }],
        },
      }),
    });
    expect(jsonrpc.status).toBe(200);
    expect((await jsonrpc.json()).error.data).toMatchObject({
      name: "builtins.TypeError",
      message: "BaseModel.search() got an unexpected keyword argument 'bogus'",
    });
  });
});

describe("state", () => {
  it("survives a restart through its snapshot file", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "tradepost-odoo-state-"));
    const stateFile = path.join(dir, "odoo.json");
    try {
      const first = await startTestEmulator({ stateFile });
      const writer = new OdooClient({
        url: first.url,
        db: "erp",
        protocol: "json2",
        apiKey: EMULATOR_API_KEY,
        timeoutMs: 2_000,
        maxConcurrency: 1,
      });
      const [partnerId] = await writer.create("res.partner", { name: "Persistent GmbH", ref: "TP-KEEP" });
      await first.stop();

      const second = await startTestEmulator({ stateFile });
      const reader = new OdooClient({
        url: second.url,
        db: "erp",
        protocol: "json2",
        apiKey: EMULATOR_API_KEY,
        timeoutMs: 2_000,
        maxConcurrency: 1,
      });
      expect(await reader.search("res.partner", [["ref", "=", "TP-KEEP"]])).toEqual([partnerId]);
      await second.stop();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("completes the field metadata of a state file written before it knew a field", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "tradepost-odoo-state-"));
    const stateFile = path.join(dir, "odoo.json");
    try {
      const old = odoo.emulator.env.state;
      const fieldRows = Object.fromEntries(
        Object.entries(old.records["ir.model.fields"]!).filter(
          ([, row]) => !(row.model === "res.partner" && row.name === "function"),
        ),
      );
      await writeFile(stateFile, JSON.stringify({ ...old, records: { ...old.records, "ir.model.fields": fieldRows } }));
      const restarted = await startTestEmulator({ stateFile });
      const c = new OdooClient({
        url: restarted.url,
        db: "erp",
        protocol: "json2",
        apiKey: EMULATOR_API_KEY,
        timeoutMs: 2_000,
        maxConcurrency: 1,
      });
      expect(
        await c.searchCount("ir.model.fields", [
          ["model", "=", "res.partner"],
          ["name", "=", "function"],
        ]),
      ).toBe(1);
      await restarted.stop();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("starts from the command line with faults from flags", async () => {
    const port = await freePort();
    const lines: string[] = [];
    const service = startService({
      name: "odoo-emulator-cli",
      command: path.resolve("node_modules/.bin/tsx"),
      args: [
        "stack/odoo-emulator/main.ts",
        "--port",
        String(port),
        "--api-key",
        "cli-test-key-123",
        "--fault",
        "kind=error,status=503,model=res.partner,method=search_count,count=1",
      ],
      onLine: (line) => lines.push(line),
    });
    try {
      const cli = new OdooClient({
        url: `http://127.0.0.1:${port}`,
        db: "erp",
        protocol: "json2",
        apiKey: "cli-test-key-123",
        timeoutMs: 2_000,
        maxConcurrency: 1,
      });
      for (let attempt = 0; attempt < 60 && !lines.some((line) => line.includes("emulator on")); attempt += 1)
        await sleep(250);
      expect(await failure(cli.searchCount("res.partner"))).toMatchObject({ status: 503, retryable: true });
      expect(await cli.searchCount("res.partner")).toBeGreaterThan(0);
    } finally {
      await stopService(service);
    }
  });
});
