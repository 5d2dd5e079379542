import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { organisationIdFromRef } from "@/lib/erp/organisation-ref";
import { odooLineText } from "@/lib/orders/plan-shipment-items";
import { recordAudit } from "@/server/audit/record-audit";
import { db } from "@/server/db";
import { ensureExternalRecord } from "@/server/integrations/ensure-external-record";
import type { TSyncResult } from "@/server/integrations/record-sync-run";
import { getStoreRegion } from "@/server/catalog/get-store-region";
import { getProductDefaults } from "@/server/medusa/admin-products";
import { getDefaultShippingOptionId } from "@/server/medusa/fulfilments";
import {
  convertDraftOrder,
  createOrderFromDraft,
  findMedusaOrderFor,
  findVariantIdsBySku,
} from "@/server/medusa/draft-orders";
import type { OdooClient } from "@/server/odoo/client";
import { getCustomerAccount } from "@/server/odoo/customer-accounts";
import { getProductsByIds } from "@/server/odoo/products";
import type { TOdooSaleOrderWithLines } from "@/server/odoo/sale-orders";

const ORG_LINK = { system: "ODOO", entityType: "organisation" } as const;

/** The organisation a partner belongs to: the company's link, a cached address of it, else its company's ref. */
async function findOrganisationId(client: OdooClient, partnerId: number): Promise<string | null> {
  const link = await db.externalLink.findUnique({
    where: { system_entityType_externalId: { ...ORG_LINK, externalId: String(partnerId) } },
  });
  if (link) return link.localId;
  const address = await db.erpAddress.findUnique({ where: { odooPartnerId: partnerId } });
  if (address) return address.organisationId;
  const account = await getCustomerAccount(client, partnerId);
  if (!account) return null;
  const companyLink = await db.externalLink.findUnique({
    where: { system_entityType_externalId: { ...ORG_LINK, externalId: String(account.company.id) } },
  });
  const organisationId = companyLink?.localId ?? organisationIdFromRef(account.company.ref);
  if (!organisationId) return null;

  return (await db.organisation.count({ where: { id: organisationId } })) ? organisationId : null;
}

async function nextReference(tx: Prisma.TransactionClient): Promise<string> {
  const [row] = await tx.$queryRaw<{ reference: string }[]>`
    SELECT 'TP-' || lpad(nextval('order_reference_seq')::text, 6, '0') AS reference`;

  return row!.reference;
}

/** The Order row for the sales rep's order, created once (odooOrderId is unique: a racing import finds it). */
async function ensureOrderRow(client: OdooClient, organisationId: string, odoo: TOdooSaleOrderWithLines) {
  const existing = await db.order.findUnique({ where: { odooOrderId: odoo.id } });
  if (existing) return existing;
  const goods = odoo.lines.filter((line) => !line.isNote && !line.isDelivery);
  const productIds = [...new Set(goods.flatMap((line) => (line.productId ? [line.productId] : [])))];
  const products = productIds.length ? await getProductsByIds(client, productIds) : [];
  const shippingMinor = odoo.lines.filter((line) => line.isDelivery).reduce((sum, l) => sum + l.subtotalMinor, 0);
  const address = odoo.shippingAddressId
    ? await db.erpAddress.findUnique({ where: { odooPartnerId: odoo.shippingAddressId } })
    : null;
  try {
    return await db.$transaction(async (tx) => {
      const order = await tx.order.create({
        data: {
          reference: await nextReference(tx),
          organisationId,
          source: "SALES_REP",
          status: "PLACED",
          pushStatus: "NOT_APPLICABLE",
          odooOrderId: odoo.id,
          odooOrderName: odoo.name,
          odooState: odoo.state,
          currency: odoo.currency ?? "EUR",
          subtotalMinor: odoo.amountUntaxedMinor - shippingMinor,
          shippingMinor,
          taxMinor: odoo.amountTaxMinor,
          totalMinor: odoo.amountTotalMinor,
          shippingAddress: address
            ? {
                name: address.name,
                street: address.street,
                street2: address.street2,
                zip: address.zip,
                city: address.city,
                stateName: address.stateName,
                countryCode: address.countryCode,
              }
            : {},
          odooAddressId: odoo.shippingAddressId,
          poNumber: odoo.clientOrderRef?.slice(0, 40) ?? null,
          placedAt: odoo.orderedAt ?? new Date(),
          submittedAt: odoo.orderedAt ?? new Date(),
        },
      });
      let position = 0;
      for (const line of goods) {
        const product = products.find((candidate) => candidate.id === line.productId);
        const created = await tx.orderLine.create({
          data: {
            orderId: order.id,
            position: ++position,
            sku: product?.sku ?? "",
            title: odooLineText(line.description, product?.name ?? null).title,
            description: odooLineText(line.description, product?.name ?? null).detail,
            quantity: Math.round(line.quantity),
            deliveredQuantity: Math.round(line.quantityDelivered),
            unitPriceMinor: line.unitPriceMinor,
            lineTotalMinor: line.subtotalMinor,
            breakdown: { source: "odoo", odooLineId: line.id },
          },
        });
        await tx.externalLink.create({
          data: { system: "ODOO", entityType: "order_line", localId: created.id, externalId: String(line.id) },
        });
      }
      await tx.externalLink.create({
        data: { system: "ODOO", entityType: "order", localId: order.id, externalId: String(odoo.id) },
      });
      await recordAudit(tx, {
        actor: { system: "odoo" },
        action: "order.placed-by-sales-rep",
        entityType: "order",
        entityId: order.id,
        organisationId,
        after: { odooOrder: odoo.name, total: odoo.amountTotalMinor },
      });

      return order;
    });
  } catch (error) {
    if (!(error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")) throw error;

    return db.order.findUniqueOrThrow({ where: { odooOrderId: odoo.id } });
  }
}

/** Who the Medusa order is addressed to: the organisation's first admin, else its first member. */
async function orderEmail(organisationId: string): Promise<string> {
  const user = await db.user.findFirst({
    where: { organisationId },
    orderBy: [{ role: "desc" }, { createdAt: "asc" }],
    select: { email: true },
  });

  return user?.email ?? `orders+${organisationId}@tradepost.invalid`;
}

/**
 * A sale order confirmed in Odoo by a sales rep for one of our organisations becomes our order
 * (source SALES_REP, never pushed) and a Medusa order with Odoo's lines and prices (products we
 * sell by SKU as their variants, anything else as a custom line with Odoo's description).
 * Idempotent and safe under races: the Order row is unique per Odoo order and the Medusa order
 * is made once (external-ID claim, found again by its metadata after a lost answer).
 * SKIPPED when the customer is none of our organisations.
 */
export async function importSalesRepOrder(client: OdooClient, odoo: TOdooSaleOrderWithLines): Promise<TSyncResult> {
  const externalId = String(odoo.id);
  if (!odoo.partnerId) return { outcome: "SKIPPED", summary: `${odoo.name} has no customer`, externalId };
  const organisationId = await findOrganisationId(client, odoo.partnerId);
  if (!organisationId)
    return { outcome: "SKIPPED", summary: `${odoo.name} is for a customer of no organisation`, externalId };
  const order = await ensureOrderRow(client, organisationId, odoo);
  if (order.medusaOrderId) return { outcome: "UNCHANGED", localId: order.id, externalId };

  const medusaOrderId = await ensureExternalRecord(
    { system: "MEDUSA", entityType: "order", localId: order.id },
    {
      find: async () => {
        const found = await findMedusaOrderFor(order.id);
        if (found.order) return found.order.id;

        return found.draftId ? (await convertDraftOrder(found.draftId)).id : null;
      },
      create: async () => {
        const [region, defaults, lines] = await Promise.all([
          getStoreRegion(),
          getProductDefaults(),
          db.orderLine.findMany({ where: { orderId: order.id }, orderBy: { position: "asc" } }),
        ]);
        // Products Medusa sells by SKU become their variants; anything else a custom line.
        const variants = await findVariantIdsBySku(lines.map((line) => line.sku));
        const variantOf = (sku: string) => (sku ? variants.get(sku) : undefined);
        const created = await createOrderFromDraft({
          tradepostOrderId: order.id,
          regionId: region.regionId,
          salesChannelId: defaults.salesChannelId,
          email: await orderEmail(organisationId),
          items: lines.map((line) => ({
            variantId: variantOf(line.sku),
            title: line.title,
            quantity: line.quantity,
            unitPriceMinor: line.unitPriceMinor,
          })),
          ...(order.shippingMinor > 0
            ? {
                shipping: {
                  shippingOptionId: await getDefaultShippingOptionId(),
                  name: "Delivery (from the ERP)",
                  amountMinor: order.shippingMinor,
                },
              }
            : {}),
          metadata: { source: "sales_rep", reference: order.reference, odoo_order: odoo.name },
        });

        return created.id;
      },
    },
  );
  await db.order.update({ where: { id: order.id }, data: { medusaOrderId } });

  return {
    outcome: "CHANGED",
    summary: `${odoo.name} imported as ${order.reference} (placed by a sales rep)`,
    localId: order.id,
    externalId,
  };
}
