// Every field the gateways read, write or filter on must exist in a real Odoo 19 with the
// modules Tradepost expects, not only in the emulator. The gateways run once against the
// emulator over JSON-2 while their requests are recorded; the field names are then checked
// against fields_get recorded from a real server (vendored with the emulator, which has more
// fields than the gateways may rely on: it accepts every recorded field of the 34 models).
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, it } from "vitest";
import { z } from "zod";
import { EMULATOR_API_KEY } from "../../test/support/odoo-emulator";
import { useOdooEmulator } from "../../test/support/odoo-gateway";
import { findCarriers } from "@/server/odoo/carriers";
import { INITIAL_CURSOR } from "@/server/odoo/changed-since";
import { OdooClient } from "@/server/odoo/client";
import {
  createChildAddress,
  createCompanyPartner,
  findCompanyPartners,
  findPartnersChangedSince,
  getPartnersByIds,
} from "@/server/odoo/partners";
import { getCustomerAccount } from "@/server/odoo/customer-accounts";
import {
  findPickingsChangedSince,
  findPickingsForSaleOrder,
  setPickingTrackingRef,
  validatePicking,
} from "@/server/odoo/pickings";
import { findProductsBySkus, findProductsChangedSince, getProductBySku } from "@/server/odoo/products";
import {
  confirmSaleOrder,
  createSaleOrder,
  findSaleOrdersChangedSince,
  getSaleOrderWithLines,
} from "@/server/odoo/sale-orders";
import { findQuantsChangedSince, getStockLevels } from "@/server/odoo/stock";

const REAL_FIELDS = path.resolve(import.meta.dirname, "../../stack/odoo-emulator/fields");
const emulator = useOdooEmulator();

function fieldNamesOf(body: Record<string, unknown>): string[] {
  const names = new Set<string>((body.fields as string[] | undefined) ?? []);
  const values =
    (body.vals_list as Record<string, unknown>[] | undefined) ??
    (body.vals ? [body.vals as Record<string, unknown>] : []);
  for (const vals of values) for (const name of Object.keys(vals)) names.add(name);
  for (const term of (body.domain as unknown[] | undefined) ?? [])
    if (Array.isArray(term)) names.add(String(term[0]).split(".")[0]!);

  return [...names];
}

async function exerciseGateways(client: OdooClient): Promise<void> {
  const { id: partnerId } = await createCompanyPartner(client, {
    ref: "TP-F-1",
    name: "Fields GmbH",
    vat: "DE1",
    address: { street: "A 1", zip: "1", city: "B", countryCode: "DE" },
  });
  await createChildAddress(client, {
    parentId: partnerId,
    ref: "TP-F-2",
    name: "Dock",
    address: { street: "A 2", zip: "1", city: "B", countryCode: "DE" },
  });
  await getPartnersByIds(client, [partnerId]);
  await getCustomerAccount(client, partnerId);
  await findCompanyPartners(client, "Fields");
  await findPartnersChangedSince(client, INITIAL_CURSOR, { limit: 5 });
  const [productId] = await client.create("product.product", {
    name: "Chair",
    default_code: "CH-1",
    type: "consu",
    is_storable: true,
  });
  await getProductBySku(client, "CH-1");
  await findProductsBySkus(client, ["CH-1"]);
  await findProductsChangedSince(client, INITIAL_CURSOR, { limit: 5 });
  await getStockLevels(client, [productId!]);
  await findQuantsChangedSince(client, INITIAL_CURSOR, { limit: 5 });
  const { id: orderId } = await createSaleOrder(client, {
    clientOrderRef: "TP-F-O",
    partnerId,
    origin: "o",
    note: "n",
    lines: [{ productId: productId!, quantity: 2, unitPriceMinor: 100, description: "d" }],
  });
  await confirmSaleOrder(client, orderId);
  await getSaleOrderWithLines(client, orderId);
  await findSaleOrdersChangedSince(client, INITIAL_CURSOR, { limit: 5 });
  const [picking] = await findPickingsForSaleOrder(client, orderId);
  await setPickingTrackingRef(client, picking!.id, "T-1");
  await validatePicking(client, picking!.id);
  await findPickingsChangedSince(client, INITIAL_CURSOR, { limit: 5 });
  await findCarriers(client);
}

it("asks a real Odoo 19 only for fields it has", async () => {
  const used = new Map<string, Set<string>>();
  const recording: typeof fetch = async (input, init) => {
    const match = /\/json\/2\/([^/]+)\//.exec(String(input));
    if (match && typeof init?.body === "string") {
      const model = decodeURIComponent(match[1]!);
      const names = used.get(model) ?? new Set<string>();
      fieldNamesOf(z.record(z.string(), z.unknown()).parse(JSON.parse(init.body))).forEach((name) => names.add(name));
      used.set(model, names);
    }

    return fetch(input, init);
  };
  await exerciseGateways(
    new OdooClient({
      url: emulator.odoo.url,
      db: "erp",
      protocol: "json2",
      apiKey: EMULATOR_API_KEY,
      timeoutMs: 5_000,
      maxConcurrency: 4,
      fetch: recording,
    }),
  );

  const unknown: string[] = [];
  for (const [model, names] of used) {
    const file = path.join(REAL_FIELDS, `${model}.json`);
    // delivery.price.rule and stock.move are not in the recording; the emulator checks those.
    if (!existsSync(file)) continue;
    const real = JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>;
    for (const name of names) if (name !== "id" && !(name in real)) unknown.push(`${model}.${name}`);
  }
  expect([...used.keys()]).toEqual(
    expect.arrayContaining([
      "res.partner",
      "product.product",
      "stock.quant",
      "sale.order",
      "sale.order.line",
      "stock.picking",
      "delivery.carrier",
    ]),
  );
  expect(unknown).toEqual([]);
});
