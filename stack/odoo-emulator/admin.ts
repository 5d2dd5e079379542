// The emulator's own API (not Odoo's), for tests and the demo: reset, dump, clock, faults,
// API keys, webhook rules, and "act as a sales rep" actions that change data the way
// Odoo's UI would, firing the configured webhooks.
import type { IncomingMessage, ServerResponse } from "node:http";
import { z } from "zod";
import type { OdooEmulator } from "./emulator";
import { refuseAdminRequest } from "./admin-guard";
import { OdooError } from "./errors";
import { sendJson } from "./http-responses";
import {
  confirmSaleOrder,
  createRule,
  deliverOrder,
  setStock,
  ZDeliver,
  ZRule,
  ZSaleOrderAction,
  ZSetStock,
} from "./sales-rep";
import { invoiceSaleOrder, registerPayment, ZInvoiceAction, ZPaymentAction } from "./models/invoicing";

type THandler = (emulator: OdooEmulator, body: unknown, url: URL) => unknown;

const ZPartnerChange = z
  .object({ id: z.number().int().positive(), values: z.record(z.string(), z.unknown()) })
  .strict();
const ZClock = z.object({ frozenAt: z.string().nullable().optional(), offsetMs: z.number().int().optional() }).strict();
const ZApiKey = z.object({ uid: z.number().int().positive(), key: z.string().min(8) }).strict();
const ZCancelOrder = z.object({ saleOrderId: z.number().int().positive() }).strict();
const ZOrderLineChange = z.object({ lineId: z.number().int().positive(), quantity: z.number().min(0) }).strict();
const ZReset = z.object({ deliveryInstalled: z.boolean().optional() }).strict();

const ROUTES: Record<string, THandler> = {
  "GET health": () => ({ ok: true }),
  "POST reset": (emulator, body) => {
    emulator.reset(ZReset.parse(body ?? {}));
    emulator.faults.clear();

    return { ok: true };
  },
  "GET state": (emulator, _body, url) => {
    const model = url.searchParams.get("model");
    // Never the users' passwords or API keys: the state is for looking at data.
    const { passwords: _passwords, apiKeys: _apiKeys, ...state } = emulator.env.state;

    return model ? emulator.env.all(model) : { ...state, clock: emulator.clock.state() };
  },
  "PUT clock": (emulator, body) => {
    const { frozenAt, offsetMs } = ZClock.parse(body);
    if (frozenAt !== undefined) emulator.clock.freeze(frozenAt);
    if (offsetMs !== undefined) emulator.clock.shift(offsetMs);

    return emulator.clock.state();
  },
  "GET faults": (emulator) => emulator.faults.list(),
  "POST faults": (emulator, body) => emulator.faults.add(body),
  "DELETE faults": (emulator) => {
    emulator.faults.clear();

    return emulator.faults.list();
  },
  "PUT faults/webhooks": (emulator, body) => emulator.faults.setWebhookFaults(body),
  "POST api-keys": (emulator, body) => {
    const { uid, key } = ZApiKey.parse(body);
    emulator.env.state.apiKeys[key] = uid;

    return { ok: true };
  },
  "POST webhook-rules": (emulator, body) => emulator.perform((env) => createRule(env, ZRule.parse(body))),
  "POST actions/sale-order": (emulator, body) =>
    emulator.perform((env) => confirmSaleOrder(env, ZSaleOrderAction.parse(body))),
  "POST actions/deliver": (emulator, body) => emulator.perform((env) => deliverOrder(env, ZDeliver.parse(body))),
  "POST actions/partner": (emulator, body) => {
    const { id, values } = ZPartnerChange.parse(body);

    return emulator.perform((env) => env.write("res.partner", [id], values));
  },
  "POST actions/stock": (emulator, body) => emulator.perform((env) => setStock(env, ZSetStock.parse(body))),
  "POST actions/cancel-order": (emulator, body) => {
    const { saleOrderId } = ZCancelOrder.parse(body);

    return emulator.perform((env) =>
      env.registry
        .get("sale.order")!
        .methods!.action_cancel!.run(env, "sale.order", { ids: [saleOrderId], kwargs: {}, context: {} }),
    );
  },
  // A salesperson editing a confirmed order's quantity (Odoo lets them; the delivery follows).
  "POST actions/order-line": (emulator, body) => {
    const { lineId, quantity } = ZOrderLineChange.parse(body);

    return emulator.perform((env) => env.write("sale.order.line", [lineId], { product_uom_qty: quantity }));
  },
  "POST actions/invoice": (emulator, body) =>
    emulator.perform((env) => invoiceSaleOrder(env, ZInvoiceAction.parse(body))),
  "POST actions/pay": (emulator, body) => emulator.perform((env) => registerPayment(env, ZPaymentAction.parse(body))),
};

export async function handleAdmin(
  emulator: OdooEmulator,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  rawBody: string,
): Promise<void> {
  const refusal = refuseAdminRequest(req, rawBody, emulator.options.adminToken);
  if (refusal) return sendJson(res, refusal.status, { error: refusal.error });
  const handler = ROUTES[`${req.method} ${url.pathname.slice("/__emulator/".length)}`];
  if (!handler) return sendJson(res, 404, { error: `no such emulator endpoint: ${req.method} ${url.pathname}` });
  try {
    const body = rawBody ? (JSON.parse(rawBody) as unknown) : undefined;
    sendJson(res, 200, (await handler(emulator, body, url)) ?? null);
  } catch (error) {
    if (error instanceof z.ZodError)
      return sendJson(res, 400, {
        error: "invalid request",
        issues: error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`),
      });
    if (error instanceof SyntaxError) return sendJson(res, 400, { error: "the body is not JSON" });
    if (error instanceof OdooError) return sendJson(res, error.json2Status, error.body());
    throw error;
  }
}
