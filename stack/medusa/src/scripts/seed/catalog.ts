import type { MedusaContainer } from "@medusajs/framework/types";
import { Modules, ProductStatus } from "@medusajs/framework/utils";
import {
  createCollectionsWorkflow,
  createProductCategoriesWorkflow,
  createProductsWorkflow,
  updateProductsWorkflow,
} from "@medusajs/medusa/core-flows";
import { DEMO_CATEGORIES, DEMO_COLLECTIONS, DEMO_PRODUCTS, type TDemoProduct } from "./demo-products";

// Medusa stores metadata as jsonb, which reorders object keys: compare with keys sorted.
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, item: unknown) =>
    item && typeof item === "object" && !Array.isArray(item)
      ? Object.fromEntries(Object.entries(item).sort(([a], [b]) => a.localeCompare(b)))
      : item,
  );

const metadataOf = (product: TDemoProduct) => ({
  configurable: product.configurable,
  configuration_options: product.configurationOptions,
});

/**
 * Creates the demo categories, collections and products that do not exist yet (matched by
 * handle), and brings the metadata and collection of existing ones up to date (a store
 * seeded by an older version).
 */
export async function ensureCatalog(
  container: MedusaContainer,
  ids: { salesChannelId: string; shippingProfileId: string },
): Promise<number> {
  const products = container.resolve(Modules.PRODUCT);
  const categoryIds = await ensureCategories(container);
  const collectionIds = await ensureCollections(container);
  const existing = await products.listProducts(
    { handle: DEMO_PRODUCTS.map((product) => product.handle) },
    { select: ["id", "handle", "metadata", "collection_id"] },
  );
  await updateOutdatedProducts(container, existing, collectionIds);
  const missing = DEMO_PRODUCTS.filter((product) => !existing.some((found) => found.handle === product.handle));
  if (!missing.length) return 0;

  await createProductsWorkflow(container).run({
    input: {
      products: missing.map((product) => ({
        title: product.title,
        subtitle: product.subtitle || undefined,
        handle: product.handle,
        description: product.description,
        status: ProductStatus.PUBLISHED,
        category_ids: [categoryIds[product.category]!],
        collection_id: product.collection ? collectionIds[product.collection] : undefined,
        shipping_profile_id: ids.shippingProfileId,
        metadata: metadataOf(product),
        options: product.options,
        variants: product.variants.map((variant) => ({
          title: variant.title,
          sku: variant.sku,
          options: variant.options,
          // Stock is Odoo's; Tradepost checks its cache of Odoo stock, not Medusa inventory.
          manage_inventory: false,
          prices: [{ currency_code: "eur", amount: variant.price }],
        })),
        sales_channels: [{ id: ids.salesChannelId }],
      })),
    },
  });

  return missing.length;
}

type TExistingProduct = {
  id: string;
  handle: string;
  metadata?: Record<string, unknown> | null;
  collection_id?: string | null;
};

async function updateOutdatedProducts(
  container: MedusaContainer,
  existing: TExistingProduct[],
  collectionIds: Record<string, string>,
) {
  for (const found of existing) {
    const demo = DEMO_PRODUCTS.find((product) => product.handle === found.handle);
    if (!demo) continue;
    const wanted = metadataOf(demo);
    const wantedCollection = demo.collection ? collectionIds[demo.collection]! : null;
    const metadataOutdated =
      canonical({
        configurable: found.metadata?.configurable,
        configuration_options: found.metadata?.configuration_options,
      }) !== canonical(wanted);
    const collectionOutdated = (found.collection_id ?? null) !== wantedCollection;
    if (!metadataOutdated && !collectionOutdated) continue;
    await updateProductsWorkflow(container).run({
      input: {
        selector: { id: found.id },
        update: { metadata: { ...found.metadata, ...wanted }, collection_id: wantedCollection },
      },
    });
  }
}

async function ensureCollections(container: MedusaContainer): Promise<Record<string, string>> {
  const products = container.resolve(Modules.PRODUCT);
  const handles = DEMO_COLLECTIONS.map((collection) => collection.handle);
  const existing = await products.listProductCollections({ handle: handles });
  const missing = DEMO_COLLECTIONS.filter(
    (collection) => !existing.some((found) => found.handle === collection.handle),
  );
  if (missing.length) await createCollectionsWorkflow(container).run({ input: { collections: missing } });
  const all = await products.listProductCollections({ handle: handles });

  return Object.fromEntries(all.map((collection) => [collection.handle, collection.id]));
}

async function ensureCategories(container: MedusaContainer): Promise<Record<string, string>> {
  const products = container.resolve(Modules.PRODUCT);
  const handles = DEMO_CATEGORIES.map((category) => category.handle);
  const existing = await products.listProductCategories({ handle: handles });
  const missing = DEMO_CATEGORIES.filter((category) => !existing.some((found) => found.handle === category.handle));
  if (missing.length) {
    await createProductCategoriesWorkflow(container).run({
      input: {
        product_categories: missing.map((category) => ({
          name: category.name,
          handle: category.handle,
          is_active: true,
        })),
      },
    });
  }
  const all = await products.listProductCategories({ handle: handles });

  return Object.fromEntries(all.map((category) => [category.handle, category.id]));
}
