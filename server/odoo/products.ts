import "server-only";
import type { z } from "zod";
import type { OdooClient } from "@/server/odoo/client";
import { readChangedSince, type TChangeCursor, type TChangedPage } from "@/server/odoo/changed-since";
import {
  fieldsOf,
  odooBoolean,
  odooDatetime,
  odooMany2one,
  odooMoney,
  odooNumber,
  odooRecord,
  odooSelection,
  odooText,
} from "@/server/odoo/mappers";
import { withAppErrors } from "@/server/odoo/to-app-error";

// product.product (the variant, which carries the SKU as `default_code`). Stock on hand is
// the stock gateway's business (quants on internal locations); this one is the catalogue.

const MODEL = "product.product";
// Archived products are read too: a sync must see that a product left the catalogue.
const WITH_ARCHIVED = { active_test: false };

const PRODUCT = {
  name: odooText,
  default_code: odooText,
  description_sale: odooText,
  barcode: odooText,
  lst_price: odooMoney,
  type: odooSelection(["consu", "service", "combo"]),
  is_storable: odooBoolean,
  sale_ok: odooBoolean,
  product_tmpl_id: odooMany2one,
  uom_id: odooMany2one,
  weight: odooNumber,
  active: odooBoolean,
  write_date: odooDatetime,
};
const PRODUCT_FIELDS = fieldsOf(PRODUCT);

const ZProduct = odooRecord(PRODUCT).transform((p) => ({
  id: p.id,
  sku: p.default_code,
  name: p.name ?? "",
  /** The sales description (the template's), shown to buyers; null when empty. */
  description: p.description_sale,
  barcode: p.barcode,
  listPriceMinor: p.lst_price,
  type: p.type,
  isStorable: p.is_storable,
  saleOk: p.sale_ok,
  templateId: p.product_tmpl_id?.id ?? null,
  uom: p.uom_id?.name ?? null,
  weightKg: p.weight,
  active: p.active,
  writeDate: p.write_date,
}));

export type TOdooProduct = z.infer<typeof ZProduct>;

/** The product with this SKU (`default_code`), archived or not; null when there is none. Reads only. */
export function getProductBySku(client: OdooClient, sku: string): Promise<TOdooProduct | null> {
  return withAppErrors(async () => {
    const [product] = await client.searchRead(MODEL, PRODUCT_FIELDS, ZProduct, {
      domain: [["default_code", "=", sku]],
      order: "id asc",
      limit: 1,
      context: WITH_ARCHIVED,
    });

    return product ?? null;
  });
}

/** Products by SKU in one call (order lines); SKUs Odoo does not know are left out. Reads only. */
export function findProductsBySkus(client: OdooClient, skus: string[]): Promise<TOdooProduct[]> {
  if (!skus.length) return Promise.resolve([]);

  return withAppErrors(() =>
    client.searchRead(MODEL, PRODUCT_FIELDS, ZProduct, {
      domain: [["default_code", "in", skus]],
      order: "id asc",
      context: WITH_ARCHIVED,
    }),
  );
}

/** Products by id; unknown ids are left out. Reads only. */
export function getProductsByIds(client: OdooClient, ids: number[]): Promise<TOdooProduct[]> {
  if (!ids.length) return Promise.resolve([]);

  return withAppErrors(() => client.read(MODEL, ids, PRODUCT_FIELDS, ZProduct));
}

/**
 * One page of products (goods, not services such as delivery charges) written since the
 * cursor. It holds archived and no-longer-saleable ones too (`active`, `saleOk`), so a sync
 * can withdraw them. Reads only. Caveat: an edit made on the template alone (Odoo's product
 * form) does not change the variant's write_date; a full reconciliation catches those.
 */
export function findProductsChangedSince(
  client: OdooClient,
  cursor: TChangeCursor,
  { limit }: { limit?: number } = {},
): Promise<TChangedPage<TOdooProduct>> {
  return withAppErrors(() =>
    readChangedSince(client, {
      model: MODEL,
      fields: PRODUCT_FIELDS,
      schema: ZProduct,
      domain: [["type", "!=", "service"]],
      cursor,
      limit,
      context: WITH_ARCHIVED,
    }),
  );
}

/** The ids of a template's variants, archived ones too (an edit on Odoo's product form writes the template). Reads only. */
export function findProductIdsByTemplate(client: OdooClient, templateId: number): Promise<number[]> {
  return withAppErrors(() =>
    client.search(MODEL, [["product_tmpl_id", "=", templateId]], { order: "id asc", context: WITH_ARCHIVED }),
  );
}
