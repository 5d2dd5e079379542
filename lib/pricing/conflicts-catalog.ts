// Rules that name things the catalogue or the organisations do not have: a surcharge for
// an option value no product offers, a price for an unknown SKU, a discount for an
// organisation that does not exist.
import { finding, type TFinding } from "@/lib/pricing/finding";
import type { TCatalogFacts, TProductFact } from "@/lib/pricing/catalog";
import type { TPricingRule, TSurchargeRule } from "@/lib/pricing/rules";

function surchargeFindings(rule: TSurchargeRule, product: TProductFact | undefined): TFinding[] {
  if (!product)
    return [
      finding(
        "warning",
        "UNKNOWN_PRODUCT",
        `Surcharge ${rule.id} is for ${rule.product}, which is not in the catalogue.`,
        [rule.id],
      ),
    ];
  const option = product.options.find((candidate) => candidate.code === rule.option);
  if (!option)
    return [
      finding("warning", "UNKNOWN_OPTION", `Surcharge ${rule.id}: ${rule.product} has no option "${rule.option}".`, [
        rule.id,
      ]),
    ];
  if (rule.mode === "per_unit" && option.kind !== "number") {
    return [
      finding(
        "warning",
        "UNKNOWN_OPTION",
        `Surcharge ${rule.id} charges per step of "${rule.option}", which is not a numeric option.`,
        [rule.id],
      ),
    ];
  }
  if (rule.value !== null && "values" in option && !option.values.includes(rule.value)) {
    return [
      finding(
        "warning",
        "UNKNOWN_OPTION_VALUE",
        `Surcharge ${rule.id}: "${rule.value}" is not a value of ${rule.product}'s option "${rule.option}" (${option.values.join(", ")}).`,
        [rule.id],
      ),
    ];
  }

  return [];
}

export function checkCatalogReferences(rules: TPricingRule[], facts: TCatalogFacts): TFinding[] {
  const products = new Map(facts.products.map((product) => [product.handle, product]));
  const skus = new Set(facts.products.flatMap((product) => product.skus));
  const organisations = new Set(facts.organisationIds);

  return rules.flatMap((rule): TFinding[] => {
    const found: TFinding[] = [];
    if ("organisationId" in rule && rule.organisationId && !organisations.has(rule.organisationId)) {
      found.push(
        finding("error", "UNKNOWN_ORGANISATION", `Rule ${rule.id} is for an organisation that does not exist.`, [
          rule.id,
        ]),
      );
    }
    if ((rule.kind === "base_price" || rule.kind === "contract_price") && !skus.has(rule.sku)) {
      found.push(
        finding("warning", "UNKNOWN_SKU", `Rule ${rule.id} prices ${rule.sku}, which is not in the catalogue.`, [
          rule.id,
        ]),
      );
    }
    if (rule.kind === "tier" && rule.product && !products.has(rule.product)) {
      found.push(
        finding(
          "warning",
          "UNKNOWN_PRODUCT",
          `Tier ${rule.id} is for ${rule.product}, which is not in the catalogue.`,
          [rule.id],
        ),
      );
    }
    if (rule.kind === "org_discount" && rule.scope.type === "product" && !products.has(rule.scope.product)) {
      found.push(
        finding(
          "warning",
          "UNKNOWN_PRODUCT",
          `Discount ${rule.id} is for ${rule.scope.product}, which is not in the catalogue.`,
          [rule.id],
        ),
      );
    }
    if (rule.kind === "surcharge") found.push(...surchargeFindings(rule, products.get(rule.product)));

    return found;
  });
}
