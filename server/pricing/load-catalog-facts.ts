import "server-only";
import type { TCatalogFacts, TOptionFact } from "@/lib/pricing/catalog";
import type { TModelDefinition } from "@/lib/configurator/model";
import { loadCatalog, skusOf } from "@/server/catalog/load-catalog";
import { findPublishedModelDefinitions } from "@/server/configurator/get-published-model";
import { db } from "@/server/db";
import { logger } from "@/server/logger";

// The catalogue as pricing sees it: SKUs and categories from Medusa, options from each
// product's published configuration model (or, without one, the product's metadata), and
// the organisations.

export type TPricingCatalog = {
  facts: TCatalogFacts;
  organisations: { id: string; name: string }[];
  catalogueAvailable: boolean;
};

/** A configuration model's options in the pricing engine's terms (values by code). */
export function modelOptionFacts(model: TModelDefinition): TOptionFact[] {
  return model.options.map((option): TOptionFact => {
    switch (option.kind) {
      case "enum": {
        const skus = option.values.every((value) => value.sku)
          ? Object.fromEntries(option.values.map((value) => [value.code, value.sku!]))
          : undefined;

        return {
          code: option.code,
          label: option.label,
          kind: "choice",
          values: option.values.map((value) => value.code),
          ...(option.default ? { default: option.default } : {}),
          ...(skus ? { skus } : {}),
        };
      }
      case "multi":
        return {
          code: option.code,
          label: option.label,
          kind: "multi",
          values: option.values.map((value) => value.code),
          default: option.default,
        };
      case "number":
        return {
          code: option.code,
          label: option.label,
          kind: "number",
          min: option.min,
          max: option.max,
          step: option.step,
          unit: option.unit,
          ...(option.default !== null ? { default: option.default } : {}),
        };
      case "boolean":
        return { code: option.code, label: option.label, kind: "boolean", default: option.default };
    }
  });
}

/**
 * Products and organisations for checking and simulating rules. When Medusa cannot be
 * reached, `catalogueAvailable` is false and `facts.products` is empty: callers must not
 * treat that as "no products" (publishing refuses).
 */
export async function loadPricingCatalog(): Promise<TPricingCatalog> {
  const [organisations, models] = await Promise.all([
    db.organisation.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } }),
    findPublishedModelDefinitions(),
  ]);
  try {
    const catalog = await loadCatalog();
    const products = catalog.products.map((product) => {
      const model = models.get(product.handle);
      const categories = product.categories.map((category) => category.handle);

      return {
        handle: product.handle,
        title: product.title,
        skus: skusOf(product),
        categories,
        options: model ? modelOptionFacts(model) : product.metadataOptions,
      };
    });

    return {
      facts: { products, organisationIds: organisations.map((item) => item.id) },
      organisations,
      catalogueAvailable: true,
    };
  } catch (error) {
    logger.warn({ err: error }, "catalogue unavailable for pricing checks");

    return {
      facts: { products: [], organisationIds: organisations.map((item) => item.id) },
      organisations,
      catalogueAvailable: false,
    };
  }
}
