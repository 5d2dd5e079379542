import "server-only";
import {
  importHandle,
  isImportedProduct,
  isSaleable,
  odooProductExternalId,
  productUpdate,
  variantUpdate,
  wantedVariant,
} from "@/lib/catalog/odoo-import";
import { AppError } from "@/lib/errors";
import { db } from "@/server/db";
import { ensureExternalRecord } from "@/server/integrations/ensure-external-record";
import { linkExternalRecord } from "@/server/integrations/link-external-record";
import type { TSyncResult } from "@/server/integrations/record-sync-run";
import {
  createAdminProduct,
  getAdminProductBySku,
  getProductDefaults,
  updateAdminProduct,
  updateAdminVariant,
  type TAdminProduct,
} from "@/server/medusa/admin-products";
import { getStoreRegion } from "@/server/catalog/get-store-region";
import type { OdooClient } from "@/server/odoo/client";
import { getOdooClient } from "@/server/odoo/get-odoo-client";
import { findProductsBySkus, getProductsByIds, type TOdooProduct } from "@/server/odoo/products";

export type TImportAction = "created" | "updated" | "archived" | "restored" | "unchanged" | "skipped";

/**
 * Brings one Odoo product (product.product, by id) into Medusa by its SKU (`default_code`):
 * creates a published product for a new saleable SKU (one Medusa product per Odoo variant,
 * created exactly once also under concurrent syncs), updates price, weight and — on products
 * the import created — title; unpublishes a product whose SKUs Odoo all withdrew (archived or
 * not for sale) and republishes it when one comes back. Never deletes, never touches a product
 * without an Odoo SKU, never overwrites metadata it does not own. Idempotent: a second run
 * changes nothing. Trusts only Odoo's record, re-read here unless the caller just read it
 * (`product`, from a reconciliation page). Links ODOO and MEDUSA variants to the SKU.
 */
export async function syncOdooProduct(
  { odooId, product }: { odooId: number; product?: TOdooProduct | null },
  client: OdooClient = getOdooClient(),
): Promise<TSyncResult> {
  const odoo = product === undefined ? ((await getProductsByIds(client, [odooId]))[0] ?? null) : product;
  const linkedSku = await linkedSkuOf(odooId);
  const sku = odoo?.sku ?? linkedSku;
  const result = (action: TImportAction, summary: string): TSyncResult => ({
    outcome: action === "skipped" ? "SKIPPED" : action === "unchanged" ? "UNCHANGED" : "CHANGED",
    summary: `${sku ?? `product ${odooId}`}: ${summary}`,
    detail: { sku, action },
    externalId: String(odooId),
  });
  if (!sku) return result("skipped", "no SKU (Internal Reference) in Odoo");
  if (odoo?.type === "service") return result("skipped", "a service, not a catalogue product");
  try {
    if (odoo && linkedSku && linkedSku !== odoo.sku) await renameSku(linkedSku, odoo.sku!);
    const [action, summary] = await syncSku(sku, odooId, odoo, client);

    return result(action, summary);
  } catch (error) {
    // The sync log shows the message per product: name the SKU in it.
    if (error instanceof AppError)
      throw new AppError(error.code, `${sku}: ${error.message}`, error.fieldErrors, {
        retryable: error.retryable,
        cause: error,
      });
    throw error;
  }
}

async function syncSku(
  sku: string,
  odooId: number,
  odoo: TOdooProduct | null,
  client: OdooClient,
): Promise<[TImportAction, string]> {
  const { currency } = await getStoreRegion();
  const existing = await getAdminProductBySku(sku);
  if (!existing) {
    if (!odoo || !isSaleable(odoo)) return ["skipped", "not for sale in Odoo and not in the store"];
    await createInMedusa(sku, odoo, currency);
    await linkOdoo(sku, odooId);

    return ["created", "created in the store"];
  }
  const variant = existing.variants.find((candidate) => candidate.sku === sku)!;
  await linkOdoo(sku, odooId);
  await linkExternalRecord({ system: "MEDUSA", entityType: "variant", localId: sku, externalId: variant.id });
  const changes: string[] = [];
  if (odoo?.sku) {
    const update = variantUpdate(variant, wantedVariant(toSide(odoo), currency), {
      ownsTitle: isImportedProduct(existing.externalId),
    });
    if (update) {
      await updateAdminVariant(existing.id, variant.id, update);
      changes.push(...Object.keys(update));
    }
  }
  const productChange = productUpdate(toState(existing), await odooSidesOf(existing, odoo, client), sku);
  if (productChange) {
    await updateAdminProduct(existing.id, productChange);
    if (productChange.status === "draft") return ["archived", "unpublished: not for sale in Odoo"];
    if (productChange.status === "published") return ["restored", "published again: for sale in Odoo"];
    if (productChange.title) changes.push("title");
    if (productChange.description !== undefined) changes.push("description");
  }

  return changes.length ? ["updated", `updated ${changes.join(", ")}`] : ["unchanged", "up to date"];
}

async function createInMedusa(sku: string, odoo: TOdooProduct, currency: string) {
  const variant = wantedVariant(toSide(odoo), currency);
  await ensureExternalRecord(
    { system: "MEDUSA", entityType: "variant", localId: sku },
    {
      // A crashed earlier attempt may have created it: look it up by SKU first.
      find: async () => variantIdOf(await getAdminProductBySku(sku), sku),
      create: async () => {
        const product = await createAdminProduct({
          title: odoo.name,
          description: odoo.description,
          handle: importHandle(odoo.name, sku),
          externalId: odooProductExternalId(odoo.id),
          status: "published",
          metadata: {},
          ...(await getProductDefaults()),
          optionValue: sku,
          variant,
        });
        const id = variantIdOf(product, sku);
        if (!id) throw new AppError("UPSTREAM_FAILED", "Medusa did not keep the new variant.");

        return id;
      },
    },
  );
}

/** Odoo's view of every SKU of the Medusa product (re-read), for its published state. */
async function odooSidesOf(product: TAdminProduct, odoo: TOdooProduct | null, client: OdooClient) {
  const skus = product.variants.map((variant) => variant.sku).filter((sku): sku is string => !!sku);
  const others = skus.filter((sku) => sku !== odoo?.sku);
  const found = [...(odoo?.sku ? [odoo] : []), ...(await findProductsBySkus(client, others))];

  return new Map(found.filter((item) => item.sku).map((item) => [item.sku!, toSide(item)]));
}

/**
 * Odoo's SKU of a linked product changed. On a product the import created, the Medusa variant
 * takes the new SKU (it is the same product); a merchant's own product keeps its SKU (the new
 * one is imported as a product of its own). Either way the links follow Odoo's new SKU.
 */
async function renameSku(from: string, to: string) {
  const product = await getAdminProductBySku(from);
  const variantId = variantIdOf(product, from);
  if (product && variantId && isImportedProduct(product.externalId) && !(await getAdminProductBySku(to)))
    await updateAdminVariant(product.id, variantId, { sku: to });
  await db.externalLink.deleteMany({
    where: { entityType: "variant", localId: from, system: { in: ["ODOO", "MEDUSA"] } },
  });
}

async function linkedSkuOf(odooId: number): Promise<string | null> {
  const link = await db.externalLink.findUnique({
    where: { system_entityType_externalId: { system: "ODOO", entityType: "variant", externalId: String(odooId) } },
    select: { localId: true },
  });

  return link?.localId ?? null;
}

const linkOdoo = (sku: string, odooId: number) =>
  linkExternalRecord({ system: "ODOO", entityType: "variant", localId: sku, externalId: String(odooId) });

const variantIdOf = (product: TAdminProduct | null, sku: string) =>
  product?.variants.find((variant) => variant.sku === sku)?.id ?? null;

const toSide = (odoo: TOdooProduct) => ({
  sku: odoo.sku ?? "",
  name: odoo.name,
  description: odoo.description,
  listPriceMinor: odoo.listPriceMinor,
  weightKg: odoo.weightKg,
  active: odoo.active,
  saleOk: odoo.saleOk,
});

const toState = (product: TAdminProduct) => ({
  title: product.title,
  description: product.description,
  status: product.status,
  externalId: product.externalId,
  metadata: product.metadata,
  variantSkus: product.variants.map((variant) => variant.sku),
});
