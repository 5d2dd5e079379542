// A stock count made "as an Odoo user" in the emulator reaches the cache through the whole inbound
// path: the emulator's automation rule posts Odoo's webhook, the delivery is recorded in the inbox,
// and processing it with the registered processors (INBOUND_PROCESSORS.odoo["stock.quant"], the
// app's Odoo client from the environment) re-reads Odoo and writes ErpStock. The registered
// reconcilers run the same way (ODOO_RECONCILERS["odoo.stock.quant"] through reconcileOdoo).
import { randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EMULATOR_API_KEY } from "../../test/support/odoo-emulator";
import { useOdooEmulator } from "../../test/support/odoo-gateway";
import { testDb } from "../../test/support/db";
import { processInboundDelivery } from "@/server/integrations/process-inbound-delivery";
import { reconcileOdoo } from "@/server/integrations/reconcile-odoo";
import { bodyDedupeKey, recordInboundDelivery } from "@/server/integrations/record-inbound-delivery";

const emulator = useOdooEmulator();
const raw = testDb();
const received: string[] = [];
let receiver: Server;
let receiverUrl = "";

beforeAll(async () => {
  // The app's client reads ODOO_* once, on first use: point it at this file's emulator first.
  Object.assign(process.env, { ODOO_URL: emulator.odoo.url, ODOO_DB: "erp", ODOO_API_KEY: EMULATOR_API_KEY });
  receiver = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString()));
    request.on("end", () => {
      received.push(body);
      response.end("ok");
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/api/webhooks/odoo/token`;
});
afterAll(async () => {
  await new Promise((resolve) => receiver.close(resolve));
  await raw.$disconnect();
});

const rows = (sku: string) =>
  raw.erpStock
    .findMany({ where: { sku } })
    .then((found) => found.map((row) => [row.locationName, Number(row.available)]));

describe("stock through the registered processor and reconciler", () => {
  it("a stock count's webhook, recorded and processed, updates the cache", async () => {
    const { body: rule } = await emulator.odoo.admin("POST", "webhook-rules", {
      model: "stock.quant",
      fields: ["product_id", "location_id", "quantity", "reserved_quantity", "write_date"],
      url: receiverUrl,
    });
    expect(rule).toBeTruthy();
    const client = emulator.client("json2");
    const [productId] = await client.create("product.product", {
      name: "Hinge",
      default_code: "HINGE",
      is_storable: true,
    });
    received.length = 0;
    await emulator.odoo.admin("POST", "actions/stock", { productId, quantity: 12 });

    const quantBodies = received.filter(
      (body) => body.includes('"_model": "stock.quant"') || body.includes('"_model":"stock.quant"'),
    );
    expect(quantBodies.length).toBeGreaterThan(0);
    let processed = 0;
    for (const body of quantBodies) {
      const parsed = JSON.parse(body) as { id: number };
      const delivery = await recordInboundDelivery({
        source: "odoo",
        headers: { "content-type": "application/json" },
        body,
        subject: { type: "stock.quant", id: String(parsed.id) },
        verdict: "accepted",
        dedupeKey: bodyDedupeKey(body),
        dedupeWindowSeconds: 600,
      });
      // Odoo posts on create and on write: the same body twice is the inbox's duplicate, not processed again.
      if (delivery.status !== "ACCEPTED") continue;
      await processInboundDelivery(
        { deliveryId: delivery.id },
        { jobId: randomUUID(), attempt: 0, correlationId: "c" },
      );
      expect(await raw.inboundDelivery.findUniqueOrThrow({ where: { id: delivery.id } })).toMatchObject({
        status: "PROCESSED",
      });
      processed += 1;
    }
    expect(processed).toBeGreaterThan(0);
    expect(await rows("HINGE")).toEqual([["WH/Stock", 12]]);
  });

  it("a stock count whose webhook was lost reaches the cache with the next reconciliation", async () => {
    const client = emulator.client("json2");
    const [productId] = await client.create("product.product", {
      name: "Latch",
      default_code: "LATCH",
      is_storable: true,
    });
    await emulator.odoo.admin("POST", "actions/stock", { productId, quantity: 30 });

    const results = await reconcileOdoo({ models: ["odoo.stock.quant", "odoo.delivery.carrier"] });
    expect(results["odoo.stock.quant"]).toMatchObject({ failed: 0 });
    expect(results["odoo.delivery.carrier"]).toMatchObject({ failed: 0 });
    expect(await rows("LATCH")).toEqual([["WH/Stock", 30]]);
    expect(await raw.erpCarrier.count()).toBeGreaterThan(0); // the delivery module's "Standard delivery"
  });
});
