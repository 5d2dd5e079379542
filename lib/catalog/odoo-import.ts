// The decisions of the catalogue import from Odoo, without I/O: what a Medusa product and
// variant should become for an Odoo product. The use case (server/catalog/sync-odoo-product.ts)
// reads both sides and applies what these functions return.

/**
 * Medusa's `external_id` of a product the import created: the Odoo product (variant) it stands
 * for. One Medusa product per Odoo variant: grouping a template's variants into one product
 * would need Medusa option values from Odoo's attribute values, which the import does not read.
 */
export const odooProductExternalId = (odooId: number) => `odoo:product.product:${odooId}`;
export const isImportedProduct = (externalId: string | null) => !!externalId?.startsWith("odoo:");

/** Metadata key the import owns: set when the import unpublished a product, so only it republishes it. */
export const WITHDRAWN_KEY = "odoo_withdrawn";

export type TOdooSide = {
  sku: string;
  name: string;
  description: string | null;
  listPriceMinor: number;
  weightKg: number;
  active: boolean;
  saleOk: boolean;
};

export type TWantedVariant = {
  title: string;
  sku: string;
  /** Grams (Medusa's weight has no unit; the store uses grams); null when Odoo has none. */
  weight: number | null;
  price: { currency: string; amount: number };
};

export const isSaleable = (product: Pick<TOdooSide, "active" | "saleOk">) => product.active && product.saleOk;

/**
 * Odoo's list price is taken as the price in the store region's currency, without conversion:
 * the import assumes Odoo's company currency (or pricelist) is the store's currency.
 */
export function wantedVariant(odoo: TOdooSide, currency: string): TWantedVariant {
  return {
    title: odoo.name,
    sku: odoo.sku,
    weight: odoo.weightKg > 0 ? Math.round(odoo.weightKg * 1000) : null,
    price: { currency: currency.toLowerCase(), amount: odoo.listPriceMinor / 100 },
  };
}

/** A URL handle for an imported product: its name, then its SKU (SKUs are unique, names are not). */
export function importHandle(name: string, sku: string): string {
  const slug = (text: string) =>
    text
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "");

  return [slug(name).slice(0, 80), slug(sku).slice(0, 38)].filter(Boolean).join("-");
}

type TPrice = {
  id: string;
  currency_code: string;
  amount: number;
  min_quantity?: number | null;
  max_quantity?: number | null;
  price_rules?: { attribute?: string | null; value?: string | null }[] | null;
};
export type TExistingVariant = { title: string; weight: number | null; prices: TPrice[] };
export type TVariantUpdate = {
  title?: string;
  weight?: number | null;
  prices?: {
    id?: string;
    currency_code: string;
    amount: number;
    min_quantity?: number | null;
    max_quantity?: number | null;
    rules?: Record<string, string>;
  }[];
};

const isBasePrice = (price: TPrice, currency: string) =>
  price.currency_code.toLowerCase() === currency &&
  !price.price_rules?.length &&
  price.min_quantity == null &&
  price.max_quantity == null;
const cents = (amount: number) => Math.round(amount * 100);

/**
 * What to change on an existing variant, or null: the base price in the store currency (other
 * prices kept as they are, since Medusa replaces the whole list), the weight, and the title
 * only where the import owns it (`ownsTitle`).
 */
export function variantUpdate(
  existing: TExistingVariant,
  wanted: TWantedVariant,
  { ownsTitle }: { ownsTitle: boolean },
): TVariantUpdate | null {
  const update: TVariantUpdate = {};
  if (ownsTitle && existing.title !== wanted.title) update.title = wanted.title;
  if ((existing.weight ?? null) !== wanted.weight) update.weight = wanted.weight;
  const base = existing.prices.find((price) => isBasePrice(price, wanted.price.currency));
  if (!base || cents(base.amount) !== cents(wanted.price.amount)) {
    update.prices = existing.prices.map((price) => ({
      id: price.id,
      currency_code: price.currency_code,
      amount: price === base ? wanted.price.amount : price.amount,
      min_quantity: price.min_quantity ?? null,
      max_quantity: price.max_quantity ?? null,
      ...(price.price_rules?.length
        ? {
            rules: Object.fromEntries(
              price.price_rules
                .filter((rule) => rule.attribute && rule.value != null)
                .map((rule) => [rule.attribute!, rule.value!]),
            ),
          }
        : {}),
    }));
    if (!base) update.prices.push({ currency_code: wanted.price.currency, amount: wanted.price.amount });
  }

  return Object.keys(update).length ? update : null;
}

export type TProductState = {
  title: string;
  description: string | null;
  status: string;
  externalId: string | null;
  metadata: Record<string, unknown>;
  variantSkus: (string | null)[];
};
export type TProductUpdate = {
  title?: string;
  description?: string | null;
  status?: "published" | "draft";
  metadata?: Record<string, unknown>;
};

/**
 * Product-level changes. Unpublished (draft, never deleted: orders, links and configurator
 * models keep pointing at it) when every variant's SKU is known to Odoo and none is saleable;
 * republished only when the import unpublished it and one is saleable again, so a product a
 * merchant took offline in Medusa stays offline. The title follows Odoo only on products the
 * import created, and so does the description. Metadata is merged: keys the import does not own are sent back unchanged.
 */
export function productUpdate(
  product: TProductState,
  odooBySku: Map<string, Pick<TOdooSide, "name" | "description" | "active" | "saleOk">>,
  titleSku: string,
): TProductUpdate | null {
  const update: TProductUpdate = {};
  const sides = product.variantSkus.map((sku) => (sku ? odooBySku.get(sku) : undefined));
  const allKnown = sides.length > 0 && sides.every(Boolean);
  const anySaleable = sides.some((side) => side && isSaleable(side));
  const withdrawnByUs = product.metadata[WITHDRAWN_KEY] === true;
  if (product.status === "published" && allKnown && !anySaleable) {
    update.status = "draft";
    update.metadata = { ...product.metadata, [WITHDRAWN_KEY]: true };
  } else if (product.status === "draft" && withdrawnByUs && anySaleable) {
    update.status = "published";
    update.metadata = { ...product.metadata, [WITHDRAWN_KEY]: false };
  }
  const titleSide = odooBySku.get(titleSku);
  if (isImportedProduct(product.externalId) && titleSide) {
    if (titleSide.name && titleSide.name !== product.title) update.title = titleSide.name;
    if ((titleSide.description ?? null) !== (product.description || null)) update.description = titleSide.description;
  }

  return Object.keys(update).length ? update : null;
}
