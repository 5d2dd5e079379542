// Setting up Odoo's webhook automation rules against the emulator: created once, a second run
// writes nothing, a new token rewrites the URL, a rule a user archived is switched back on, and
// a partner change then reaches the configured URL as Odoo would post it.
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ODOO_PROTOCOLS, useOdooEmulator } from "../../test/support/odoo-gateway";
import { WEBHOOK_RULE_PREFIX, WEBHOOK_RULES } from "@/lib/erp/webhook-rules";
import { setupOdooWebhooks } from "@/server/erp/setup-odoo-webhooks";
import { findWebhookRules } from "@/server/odoo/automations";

const emulator = useOdooEmulator();
const TOKEN = "first-token-abcdefghijklmnopqrstuvwxyz";
const MODELS = WEBHOOK_RULES.map((rule) => rule.model);

type TReceived = { path: string; headers: IncomingMessage["headers"]; body: Record<string, unknown> };
const received: TReceived[] = [];
const receiver = createServer((req, res) => {
  let body = "";
  req.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
  req.on("end", () => {
    received.push({ path: req.url ?? "", headers: req.headers, body: JSON.parse(body) as Record<string, unknown> });
    res.end("ok");
  });
});
let appUrl = "";
beforeAll(async () => {
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  appUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/`;
});
afterAll(() => new Promise((resolve) => receiver.close(resolve)));

const posted = (model: string) => received.filter((hook) => hook.body._model === model).map((hook) => hook.body);
// Odoo posts after its transaction: a moment more shows that nothing else was posted.
const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

/** A sales rep's order, created and confirmed in Odoo with Tradepost's rules in place, once its post arrived; its id. */
async function confirmRepOrder(protocol: (typeof ODOO_PROTOCOLS)[number], clientOrderRef: string): Promise<number> {
  const client = emulator.client(protocol);
  await setupOdooWebhooks({ client, appUrl, token: TOKEN });
  const [productId] = await client.create("product.product", { name: `Webhook ${clientOrderRef}`, type: "consu" });
  received.length = 0;
  const confirmed = await emulator.odoo.admin("POST", "actions/sale-order", {
    partnerId: 1,
    clientOrderRef,
    lines: [{ productId, quantity: 2, priceUnit: 10 }],
  });
  expect(confirmed.status).toBe(200);
  await expect.poll(() => posted("sale.order").length, { timeout: 3_000 }).toBeGreaterThanOrEqual(1);
  await settle();

  return (confirmed.body as { id: number }).id;
}

describe.each(ODOO_PROTOCOLS)("setupOdooWebhooks over %s", (protocol) => {
  it("creates one webhook rule per model, then changes nothing on a second run", async () => {
    const client = emulator.client(protocol);
    const first = await setupOdooWebhooks({ client, appUrl, token: TOKEN });
    const url = `${appUrl}api/webhooks/odoo/${TOKEN}`;

    expect(first).toEqual({ url, created: MODELS, updated: [], unchanged: [] });
    const rules = await findWebhookRules(client, WEBHOOK_RULE_PREFIX);
    expect(rules.map((rule) => rule.model)).toEqual(MODELS);
    for (const rule of rules) {
      const spec = WEBHOOK_RULES.find((candidate) => candidate.model === rule.model)!;
      expect(rule).toMatchObject({
        trigger: "on_create_or_write",
        triggerFieldIds: [],
        filterDomain: spec.filterDomain ?? null,
        active: true,
      });
      expect(rule.actions).toEqual([expect.objectContaining({ state: "webhook", url })]);
      expect(rule.actions[0]!.fieldIds).toHaveLength(spec.fields.length);
    }

    expect(await setupOdooWebhooks({ client, appUrl, token: TOKEN })).toEqual({
      url,
      created: [],
      updated: [],
      unchanged: MODELS,
    });
    expect(await findWebhookRules(client, WEBHOOK_RULE_PREFIX)).toEqual(rules);
  });

  it("rewrites the URL for a new token and re-activates an archived rule, leaving other rules alone", async () => {
    const client = emulator.client(protocol);
    await setupOdooWebhooks({ client, appUrl, token: TOKEN });
    const [partnerRule] = await findWebhookRules(client, `${WEBHOOK_RULE_PREFIX}res.partner`);
    await client.write("base.automation", [partnerRule!.id], { active: false });
    const other = await emulator.odoo.admin("POST", "webhook-rules", {
      model: "res.partner",
      name: "Someone else's rule",
      url: "http://127.0.0.1:1/elsewhere",
      fields: ["name"],
      triggerFields: [],
      trigger: "on_create_or_write",
    });
    expect(other.status).toBe(200);

    const rotated = await setupOdooWebhooks({ client, appUrl, token: "second-token-abcdefghijklmnopqrstuvwxyz" });
    expect(rotated.updated).toEqual(MODELS);
    const rules = await findWebhookRules(client, WEBHOOK_RULE_PREFIX);
    expect(rules).toHaveLength(MODELS.length);
    expect(rules.every((rule) => rule.active && rule.actions[0]!.url === rotated.url)).toBe(true);
    expect(rotated.url).toBe(`${appUrl}api/webhooks/odoo/second-token-abcdefghijklmnopqrstuvwxyz`);
    const [untouched] = await findWebhookRules(client, "Someone else");
    expect(untouched!.actions[0]!.url).toBe("http://127.0.0.1:1/elsewhere");
  });

  it("brings a rule whose filter someone changed back to Tradepost's", async () => {
    const client = emulator.client(protocol);
    await setupOdooWebhooks({ client, appUrl, token: TOKEN });
    const [orderRule] = await findWebhookRules(client, `${WEBHOOK_RULE_PREFIX}sale.order`);
    await client.write("base.automation", [orderRule!.id], { filter_domain: false });

    const again = await setupOdooWebhooks({ client, appUrl, token: TOKEN });
    expect(again.updated).toEqual(["sale.order"]);
    const [restored] = await findWebhookRules(client, `${WEBHOOK_RULE_PREFIX}sale.order`);
    const wanted = WEBHOOK_RULES.find((spec) => spec.model === "sale.order")!.filterDomain;
    expect(wanted).toBe("[('state', 'not in', ('draft', 'sent'))]");
    expect(restored!.filterDomain).toBe(wanted);
  });

  it("makes Odoo post a sale order once it is confirmed, not while it is a quotation", async () => {
    const orderId = await confirmRepOrder(protocol, "REP-WH-1");

    // Created as a quotation (no post), then confirmed (one post, as a sale order).
    expect(posted("sale.order")).toEqual([
      expect.objectContaining({ _id: orderId, state: "sale", client_order_ref: "REP-WH-1" }),
    ]);
  });

  it("makes Odoo post a delivery once it is done, not while it waits to be shipped", async () => {
    const orderId = await confirmRepOrder(protocol, "REP-WH-2");
    // The confirmation created the delivery (waiting or reserved): nothing posted for it.
    expect(posted("stock.picking")).toEqual([]);

    expect((await emulator.odoo.admin("POST", "actions/deliver", { saleOrderId: orderId })).status).toBe(200);
    await expect.poll(() => posted("stock.picking").length, { timeout: 3_000 }).toBeGreaterThanOrEqual(1);
    await settle();
    expect(posted("stock.picking")).toEqual([expect.objectContaining({ state: "done" })]);
  });

  it("makes Odoo post a partner change to the configured URL", async () => {
    const client = emulator.client(protocol);
    await setupOdooWebhooks({ client, appUrl, token: TOKEN });
    const [partnerId] = await client.create("res.partner", { name: "Webhook GmbH", is_company: true, ref: "TP-WH-1" });
    received.length = 0;

    const change = await emulator.odoo.admin("POST", "actions/partner", { id: partnerId, values: { city: "Bremen" } });
    expect(change.status).toBe(200);
    await expect.poll(() => received.length, { timeout: 3_000 }).toBeGreaterThanOrEqual(1);
    const delivery = received.find((hook) => hook.body._model === "res.partner")!;
    expect(delivery.path).toBe(`/api/webhooks/odoo/${TOKEN}`);
    expect(delivery.headers["content-type"]).toBe("application/json");
    expect(delivery.body).toMatchObject({
      _model: "res.partner",
      _id: partnerId,
      id: partnerId,
      name: "Webhook GmbH",
      ref: "TP-WH-1",
      is_company: true,
      active: true,
    });
    expect(delivery.body._action).toMatch(/^Tradepost: res\.partner webhook\(#\d+\)$/);
    expect(typeof delivery.body.write_date).toBe("string");
  });
});
