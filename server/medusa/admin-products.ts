import "server-only";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { callMedusa } from "@/server/medusa/call";
import { getMedusaAdmin } from "@/server/medusa/client";

// Products through Medusa's admin API, for the catalogue import from Odoo. Unlike the store
// view (products.ts), this sees drafts too. Amounts are in whole currency units, as Medusa's
// API has them.

const ZPrice = z.object({
  id: z.string(),
  currency_code: z.string(),
  amount: z.coerce.number(),
  min_quantity: z.coerce.number().nullish(),
  max_quantity: z.coerce.number().nullish(),
  price_rules: z.array(z.object({ attribute: z.string().nullish(), value: z.string().nullish() })).nullish(),
});
const ZVariant = z.object({
  id: z.string(),
  sku: z.string().nullish(),
  title: z.string().nullish(),
  weight: z.coerce.number().nullish(),
  prices: z.array(ZPrice).nullish(),
});
const ZProduct = z.object({
  id: z.string(),
  handle: z.string(),
  title: z.string(),
  description: z.string().nullish(),
  status: z.enum(["draft", "proposed", "published", "rejected"]),
  external_id: z.string().nullish(),
  metadata: z.record(z.string(), z.unknown()).nullish(),
  variants: z.array(ZVariant).nullish(),
});
const ZProductResponse = z.object({ product: ZProduct });
const ZProductIdResponse = z.object({ product: z.object({ id: z.string() }) });
const ZVariantIds = z.object({ variants: z.array(z.object({ id: z.string(), product_id: z.string().nullish() })) });
const ZStoreDefaults = z.object({ stores: z.array(z.object({ default_sales_channel_id: z.string().nullish() })) });
const ZShippingProfiles = z.object({ shipping_profiles: z.array(z.object({ id: z.string(), type: z.string() })) });

export type TAdminVariant = {
  id: string;
  sku: string | null;
  title: string;
  weight: number | null;
  prices: z.infer<typeof ZPrice>[];
};
export type TAdminProduct = {
  id: string;
  handle: string;
  title: string;
  description: string | null;
  status: z.infer<typeof ZProduct>["status"];
  externalId: string | null;
  metadata: Record<string, unknown>;
  variants: TAdminVariant[];
};

const PRODUCT_FIELDS =
  "id,handle,title,description,status,external_id,metadata,*variants,variants.prices.*,variants.prices.price_rules.*";

function toAdminProduct(product: z.infer<typeof ZProduct>): TAdminProduct {
  return {
    id: product.id,
    handle: product.handle,
    title: product.title,
    description: product.description || null,
    status: product.status,
    externalId: product.external_id ?? null,
    metadata: product.metadata ?? {},
    variants: (product.variants ?? []).map((variant) => ({
      id: variant.id,
      sku: variant.sku ?? null,
      title: variant.title ?? "",
      weight: variant.weight ?? null,
      prices: variant.prices ?? [],
    })),
  };
}

/**
 * callMedusa, except that Medusa refusing the request itself (a 4xx other than 404 and 429:
 * a taken handle or SKU, an invalid value) is a permanent INVALID_INPUT with Medusa's reason,
 * so an import logs it against the product and moves on instead of retrying for ever.
 */
async function adminCall<T extends z.ZodType>(label: string, schema: T, call: () => Promise<unknown>) {
  let refusal: string | null = null;
  try {
    return await callMedusa(label, schema, async () => {
      try {
        return await call();
      } catch (error) {
        const status = (error as { status?: number }).status ?? 0;
        if (status >= 400 && status < 500 && status !== 404 && status !== 429)
          refusal = error instanceof Error ? error.message : String(error);
        throw error;
      }
    });
  } catch (error) {
    if (refusal)
      throw new AppError("INVALID_INPUT", `Medusa refused ${label}: ${refusal}`, undefined, { retryable: false });
    throw error;
  }
}

/** The product holding the variant with this SKU, drafts included; null when no variant has it. */
export async function getAdminProductBySku(sku: string): Promise<TAdminProduct | null> {
  const { variants } = await adminCall("admin.productVariant.list(sku)", ZVariantIds, () =>
    getMedusaAdmin().admin.productVariant.list({ sku, fields: "id,product_id", limit: 1 }),
  );
  const productId = variants[0]?.product_id;

  return productId ? getAdminProduct(productId) : null;
}

export async function getAdminProduct(id: string): Promise<TAdminProduct> {
  const { product } = await adminCall("admin.product.retrieve", ZProductResponse, () =>
    getMedusaAdmin().admin.product.retrieve(id, { fields: PRODUCT_FIELDS }),
  );

  return toAdminProduct(product);
}

/** Where new products go so buyers can see and ship them: the store's default sales channel and shipping profile. */
export async function getProductDefaults(): Promise<{ salesChannelId: string; shippingProfileId: string }> {
  const [{ stores }, { shipping_profiles: profiles }] = await Promise.all([
    adminCall("admin.store.list", ZStoreDefaults, () =>
      getMedusaAdmin().admin.store.list({ fields: "id,default_sales_channel_id" }),
    ),
    adminCall("admin.shippingProfile.list", ZShippingProfiles, () =>
      getMedusaAdmin().admin.shippingProfile.list({ fields: "id,type" }),
    ),
  ]);
  const salesChannelId = stores[0]?.default_sales_channel_id;
  const shippingProfileId = (profiles.find((profile) => profile.type === "default") ?? profiles[0])?.id;
  if (!salesChannelId || !shippingProfileId)
    throw new AppError("INVALID_STATE", "Medusa has no default sales channel or shipping profile.", undefined, {
      retryable: false,
    });

  return { salesChannelId, shippingProfileId };
}

export type TNewVariant = {
  title: string;
  sku: string;
  weight: number | null;
  price: { currency: string; amount: number };
};
export type TNewProduct = {
  title: string;
  description: string | null;
  handle: string;
  externalId: string;
  status: "published" | "draft";
  metadata: Record<string, unknown>;
  salesChannelId: string;
  shippingProfileId: string;
  /** The variant's value of the product's one option ("Variant"): Medusa gives every variant option values. */
  optionValue: string;
  variant: TNewVariant;
};

const OPTION_TITLE = "Variant";

function variantValues(variant: TNewVariant, optionValue: string) {
  return {
    title: variant.title,
    sku: variant.sku,
    weight: variant.weight,
    // Stock is Odoo's; Tradepost reads its cache of Odoo stock, not Medusa inventory.
    manage_inventory: false,
    options: { [OPTION_TITLE]: optionValue },
    prices: [{ currency_code: variant.price.currency.toLowerCase(), amount: variant.price.amount }],
  };
}

export async function createAdminProduct(input: TNewProduct): Promise<TAdminProduct> {
  const { product } = await adminCall("admin.product.create", ZProductResponse, () =>
    getMedusaAdmin().admin.product.create(
      {
        title: input.title,
        description: input.description,
        handle: input.handle,
        external_id: input.externalId,
        status: input.status,
        metadata: input.metadata,
        shipping_profile_id: input.shippingProfileId,
        sales_channels: [{ id: input.salesChannelId }],
        options: [{ title: OPTION_TITLE, values: [input.optionValue] }],
        variants: [variantValues(input.variant, input.optionValue)],
      },
      { fields: PRODUCT_FIELDS },
    ),
  );

  return toAdminProduct(product);
}

export type TProductChanges = {
  title?: string;
  description?: string | null;
  status?: "published" | "draft";
  metadata?: Record<string, unknown>;
};

/** Changes product-level fields; metadata is sent whole (the caller merges it with what is there). */
export async function updateAdminProduct(id: string, changes: TProductChanges): Promise<void> {
  await adminCall("admin.product.update", ZProductIdResponse, () =>
    getMedusaAdmin().admin.product.update(id, changes, { fields: "id" }),
  );
}

export type TVariantChanges = {
  title?: string;
  sku?: string;
  weight?: number | null;
  /** Every price of the variant, those kept with their ids: Medusa replaces the whole list. */
  prices?: {
    id?: string;
    currency_code: string;
    amount: number;
    min_quantity?: number | null;
    max_quantity?: number | null;
    rules?: Record<string, string>;
  }[];
};

export async function updateAdminVariant(productId: string, variantId: string, changes: TVariantChanges) {
  await adminCall("admin.product.updateVariant", ZProductIdResponse, () =>
    getMedusaAdmin().admin.product.updateVariant(productId, variantId, changes, { fields: "id" }),
  );
}
