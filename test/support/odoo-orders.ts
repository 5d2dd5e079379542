// Orders across Medusa and the Odoo emulator for the order-lifecycle tests (J5, J6,
// cancellations, invoices): an organisation linked to an Odoo company, products by SKU with
// stock, and an order of ours placed in Medusa (draft → order, as checkout's result would be)
// and pushed to Odoo the way the push job does it (look up by reference, create, confirm).
import { z } from "zod";
import type { PrismaClient } from "@/generated/prisma/client";
import { getAdminProductBySku } from "@/server/medusa/admin-products";
import { createOrderFromDraft } from "@/server/medusa/draft-orders";
import { getStoreRegion } from "@/server/catalog/get-store-region";
import type { OdooClient } from "@/server/odoo/client";
import { confirmSaleOrder, createSaleOrder } from "@/server/odoo/sale-orders";

type TAdmin = (method: string, path: string, body?: unknown) => Promise<{ status: number; body: unknown }>;

export const SCREEN_SMALL = "ACC-SCREEN-1200";
export const SCREEN_LARGE = "ACC-SCREEN-1600";

/** The organisation's company in Odoo (ref = organisation id) and the link the customer sync would write. */
export async function linkOrganisationToOdoo(
  db: PrismaClient,
  client: OdooClient,
  organisationId: string,
  name: string,
) {
  const [partnerId] = await client.create("res.partner", { name, is_company: true, ref: organisationId });
  await db.externalLink.deleteMany({ where: { system: "ODOO", entityType: "organisation", localId: organisationId } });
  await db.externalLink.create({
    data: { system: "ODOO", entityType: "organisation", localId: organisationId, externalId: String(partnerId) },
  });

  return partnerId!;
}

/** Products by SKU in Odoo, with stock counted in WH/Stock; returns their ids by SKU. */
export async function createOdooProducts(
  client: OdooClient,
  admin: TAdmin,
  products: { sku: string; name: string; price: number; stock: number }[],
): Promise<Record<string, number>> {
  const ids: Record<string, number> = {};
  for (const product of products) {
    const [id] = await client.create("product.product", {
      name: product.name,
      default_code: product.sku,
      list_price: product.price,
      type: "consu",
      is_storable: true,
    });
    ids[product.sku] = id!;
    if (product.stock > 0) await admin("POST", "actions/stock", { productId: id, quantity: product.stock });
  }

  return ids;
}

async function nextReference(db: PrismaClient): Promise<string> {
  const [row] = await db.$queryRaw<{ reference: string }[]>`
    SELECT 'TP-' || lpad(nextval('order_reference_seq')::text, 6, '0') AS reference`;

  return row!.reference;
}

export type TPlacedOrder = { id: string; reference: string; medusaOrderId: string; odooOrderId: number };

/**
 * An order of ours as checkout leaves it (Order row PLACED with its Medusa order), then pushed
 * and confirmed in Odoo with our prices; the Order row is marked PUSHED with Odoo's ids.
 */
export async function placeAndPushOrder(
  db: PrismaClient,
  client: OdooClient,
  input: {
    organisationId: string;
    buyerId: string;
    partnerId: number;
    lines: { sku: string; quantity: number; unitPriceMinor: number }[];
  },
  { push = true }: { push?: boolean } = {},
): Promise<TPlacedOrder> {
  const region = await getStoreRegion();
  const reference = await nextReference(db);
  const variants = await Promise.all(
    input.lines.map(async (line) => (await getAdminProductBySku(line.sku))!.variants.find((v) => v.sku === line.sku)!),
  );
  const subtotal = input.lines.reduce((sum, line) => sum + line.quantity * line.unitPriceMinor, 0);
  const order = await db.order.create({
    data: {
      reference,
      organisationId: input.organisationId,
      buyerId: input.buyerId,
      status: "PLACED",
      pushStatus: "QUEUED",
      currency: region.currency,
      subtotalMinor: subtotal,
      shippingMinor: 0,
      taxMinor: 0,
      totalMinor: subtotal,
      shippingAddress: { name: "Test delivery", city: "Berlin", countryCode: "DE" },
      placedAt: new Date(),
      lines: {
        create: input.lines.map((line, index) => ({
          position: index + 1,
          sku: line.sku,
          variantId: variants[index]!.id,
          title: variants[index]!.title,
          description: variants[index]!.title,
          quantity: line.quantity,
          unitPriceMinor: line.unitPriceMinor,
          lineTotalMinor: line.quantity * line.unitPriceMinor,
          breakdown: {},
        })),
      },
    },
  });
  const medusa = await createOrderFromDraft({
    tradepostOrderId: order.id,
    regionId: region.regionId,
    email: `buyer-${order.id.slice(0, 8)}@example.test`,
    items: input.lines.map((line, index) => ({
      variantId: variants[index]!.id,
      title: variants[index]!.title,
      quantity: line.quantity,
      unitPriceMinor: line.unitPriceMinor,
    })),
    metadata: { reference },
  });
  await db.order.update({ where: { id: order.id }, data: { medusaOrderId: medusa.id } });
  if (!push) return { id: order.id, reference, medusaOrderId: medusa.id, odooOrderId: 0 };
  const odooOrderId = await pushToOdoo(db, client, { orderId: order.id, reference, partnerId: input.partnerId });

  return { id: order.id, reference, medusaOrderId: medusa.id, odooOrderId };
}

/** The push job's Odoo side, then what it stores (odooOrderId, name, PUSHED). */
export async function pushToOdoo(
  db: PrismaClient,
  client: OdooClient,
  {
    orderId,
    reference,
    partnerId,
    store = true,
  }: { orderId: string; reference: string; partnerId: number; store?: boolean },
): Promise<number> {
  const lines = await db.orderLine.findMany({ where: { orderId }, orderBy: { position: "asc" } });
  const productIds = await client.search("product.product", [["default_code", "in", lines.map((line) => line.sku)]]);
  const products = await client.read(
    "product.product",
    productIds,
    ["default_code"],
    z.object({ id: z.number(), default_code: z.union([z.string(), z.literal(false)]) }),
  );
  const idOf = (sku: string) => products.find((p) => p.default_code === sku)!.id;
  const { id } = await createSaleOrder(client, {
    clientOrderRef: reference,
    partnerId,
    lines: lines.map((line) => ({
      productId: idOf(line.sku),
      quantity: line.quantity,
      unitPriceMinor: line.unitPriceMinor,
    })),
  });
  await confirmSaleOrder(client, id);
  if (store) {
    const [order] = await client.read("sale.order", [id], ["name"], z.object({ id: z.number(), name: z.string() }));
    await db.order.update({
      where: { id: orderId },
      data: { odooOrderId: id, odooOrderName: order!.name, pushStatus: "PUSHED", pushedAt: new Date() },
    });
  }

  return id;
}
