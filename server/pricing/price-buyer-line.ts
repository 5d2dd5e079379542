import "server-only";
import { checkConfiguration, resolveSku, summariseConfiguration } from "@/lib/configurator/configuration";
import { AppError } from "@/lib/errors";
import { priceLine } from "@/lib/pricing/evaluate";
import { quantityBreaks, type TQuantityBreak } from "@/lib/pricing/quantity-breaks";
import { configurationHash } from "@/lib/pricing/quote";
import type { TConfiguration, TPriceResult } from "@/lib/pricing/types";
import { skusOf } from "@/server/catalog/load-catalog";
import type { TBuyerPricing } from "@/server/pricing/load-buyer-pricing";
import { signQuote, type TQuote } from "@/server/pricing/quote-price";

export type TLineRequest = {
  organisationId: string;
  product: string;
  configuration: Record<string, unknown>;
  quantity: number;
  /** The variant of a standard product with several (a model's configuration picks it otherwise). */
  sku?: string;
};

export type TLineFacts = {
  productHandle: string;
  productTitle: string;
  sku: string;
  variantId: string | null;
  configuration: TConfiguration;
  configurationHash: string;
  /** "Top Walnut · Width 1800 mm …" from the model; empty for standard products. */
  summary: string;
  modelVersionId: string | null;
};

export type TPricedLine = TLineFacts & TQuote & { quantityBreaks: TQuantityBreak[] };

/**
 * How a request is checked. `buyer`: the configuration must satisfy the product's published
 * model (a configurable product without one cannot be priced) and the SKU must be a variant.
 * `data-manager` (the simulator): prices what the engine would price, before a model exists.
 */
export type TLineAudience = "buyer" | "data-manager";

function lineFacts(pricing: TBuyerPricing, request: TLineRequest, audience: TLineAudience): TLineFacts {
  const product = pricing.catalog.byHandle.get(request.product);
  if (!product) throw new AppError("NOT_FOUND", "No such product.");
  const model = pricing.models.get(product.handle) ?? null;
  const skus = skusOf(product);
  let configuration = request.configuration as TConfiguration;
  if (model && audience === "buyer") {
    const checked = checkConfiguration(model.definition, request.configuration);
    if (!checked.ok)
      throw new AppError(
        "INVALID_INPUT",
        checked.fieldErrors._form?.join(" ") ?? "Please correct the highlighted options.",
        checked.fieldErrors,
      );
    configuration = checked.configuration;
  } else if (audience === "buyer" && product.isConfigurable) {
    throw new AppError(
      "INVALID_STATE",
      "This product cannot be configured yet: its configuration model is not published.",
    );
  } else if (audience === "buyer" && Object.keys(configuration).length) {
    throw new AppError("INVALID_INPUT", "This product has no options.", { _form: ["This product has no options."] });
  }
  const resolved = model ? resolveSku(model.definition, configuration, skus) : null;
  const sku = resolved ?? request.sku ?? (skus.length === 1 ? skus[0]! : null);
  const variant = product.variants.find((item) => item.sku !== null && item.sku === sku);
  if (audience === "buyer" && !variant) {
    if (model) throw new AppError("INVALID_STATE", "This configuration does not match a variant of the product.");
    throw new AppError(
      "INVALID_INPUT",
      sku ? `${product.title} has no variant ${sku}.` : `Choose a variant of ${product.title}.`,
      { sku: [sku ? "No such variant." : "Choose a variant."] },
    );
  }
  if (!sku)
    throw new AppError("INVALID_INPUT", `Choose a variant of ${product.title}.`, { sku: ["Choose a variant."] });

  return {
    productHandle: product.handle,
    productTitle: product.title,
    sku,
    variantId: variant?.id ?? null,
    configuration,
    configurationHash: configurationHash(sku, configuration),
    summary: model ? summariseConfiguration(model.definition, configuration) : "",
    modelVersionId: model?.versionId ?? null,
  };
}

/** The facts of a line and the engine's answer, which may be a refusal with its explanation (the simulator shows both). */
export function evaluateBuyerLine(
  pricing: TBuyerPricing,
  request: TLineRequest,
  audience: TLineAudience = "buyer",
): { facts: TLineFacts; result: TPriceResult } {
  if (!pricing.ruleSet) throw new AppError("NOT_FOUND", `There are no published prices in ${pricing.currency} yet.`);
  const facts = lineFacts(pricing, request, audience);
  const categories = pricing.catalog.byHandle.get(facts.productHandle)!.categories.map((category) => category.handle);
  const result = priceLine(pricing.ruleSet, {
    sku: facts.sku,
    product: facts.productHandle,
    categories,
    configuration: facts.configuration,
    organisationId: request.organisationId,
    quantity: request.quantity,
    at: pricing.at,
  });

  return { facts, result };
}

/**
 * THE priced line: what an organisation pays for a product (configured or not) at a quantity —
 * configuration checked against the published model, SKU resolved, priced with the live rules,
 * and signed as a quote (configuration hash, organisation, quantity, currency, rule-set version,
 * unit price, expiry). Every buyer-facing price goes through here: the price endpoint, catalogue
 * cards, adding to and changing the cart, the cart's re-check, and checkout. Trusts
 * `organisationId`: callers take it from the session. Pure given `pricing`.
 */
export function priceBuyerLine(
  pricing: TBuyerPricing,
  request: TLineRequest,
  { withQuantityBreaks = false } = {},
): TPricedLine {
  const { facts, result } = evaluateBuyerLine(pricing, request);
  if (!result.ok) throw new AppError("INVALID_STATE", result.message);
  const quote = signQuote(
    {
      sku: facts.sku,
      configurationHash: facts.configurationHash,
      organisationId: request.organisationId,
      quantity: request.quantity,
      currency: pricing.currency,
    },
    result,
    pricing.at,
  );
  const categories = pricing.catalog.byHandle.get(facts.productHandle)!.categories.map((category) => category.handle);
  const breaks =
    withQuantityBreaks && pricing.ruleSet
      ? quantityBreaks(pricing.ruleSet, {
          sku: facts.sku,
          product: facts.productHandle,
          categories,
          configuration: facts.configuration,
          organisationId: request.organisationId,
          at: pricing.at,
        })
      : [];

  return { ...facts, ...quote, quantityBreaks: breaks };
}
