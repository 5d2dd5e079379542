import { defaultConfiguration, describeConfiguration, type TProductFact } from "@/lib/pricing/catalog";
import type { TCompiledRuleSet } from "@/lib/pricing/compile";
import { priceLine } from "@/lib/pricing/evaluate";
import type { TConfiguration } from "@/lib/pricing/types";

// Batch what-if: a draft priced against the live version over many lines (every product
// SKU × organisation × quantity, later recent orders too), with the deltas a data manager
// checks before publishing.

export type TWhatIfLine = {
  product: TProductFact;
  sku: string;
  organisationId: string;
  configuration: TConfiguration;
  quantity: number;
};

export type TWhatIfRow = {
  product: string;
  productTitle: string;
  sku: string;
  organisationId: string;
  quantity: number;
  configuration: string;
  /** Unit prices in minor units; null where that version has no price. */
  live: number | null;
  draft: number | null;
  delta: number | null;
  /** Delta relative to the live price, in basis points (display only). */
  deltaBps: number | null;
  flagged: boolean;
};

export type TWhatIfOrganisationSummary = {
  organisationId: string;
  lines: number;
  changed: number;
  averageDeltaBps: number;
  largestIncreaseBps: number;
  largestDecreaseBps: number;
};

export type TWhatIfResult = {
  rows: TWhatIfRow[];
  summary: {
    lines: number;
    changed: number;
    increased: number;
    decreased: number;
    flagged: number;
    losingPrice: number;
    gainingPrice: number;
  };
  byOrganisation: TWhatIfOrganisationSummary[];
};

/** Each SKU with the default configuration; when an option selects the variant, with that option set to match. */
function skuConfigurations(product: TProductFact): { sku: string; configuration: TConfiguration }[] {
  const defaults = defaultConfiguration(product.options);
  const selecting = product.options.find((option) => option.kind === "choice" && option.skus);
  if (selecting?.kind !== "choice" || !selecting.skus)
    return product.skus.map((sku) => ({ sku, configuration: defaults }));

  return Object.entries(selecting.skus).map(([value, sku]) => ({
    sku,
    configuration: { ...defaults, [selecting.code]: value },
  }));
}

export function buildWhatIfLines(
  products: TProductFact[],
  organisationIds: string[],
  quantities: number[],
): TWhatIfLine[] {
  return products.flatMap((product) =>
    skuConfigurations(product).flatMap(({ sku, configuration }) =>
      organisationIds.flatMap((organisationId) =>
        quantities.map((quantity) => ({ product, sku, organisationId, configuration, quantity })),
      ),
    ),
  );
}

const unitPrice = (compiled: TCompiledRuleSet | null, line: TWhatIfLine, at: Date) => {
  if (!compiled) return null;
  const result = priceLine(
    compiled,
    {
      sku: line.sku,
      product: line.product.handle,
      categories: line.product.categories,
      configuration: line.configuration,
      organisationId: line.organisationId,
      quantity: line.quantity,
      at,
    },
    { explain: false },
  );

  return result.ok ? result.unitPrice : null;
};

/** Prices every line under both versions. Flags a change of at least `thresholdBps`, and any price that appears or disappears. */
export function runWhatIf({
  draft,
  live,
  lines,
  at,
  thresholdBps,
}: {
  draft: TCompiledRuleSet;
  live: TCompiledRuleSet | null;
  lines: TWhatIfLine[];
  at: Date;
  thresholdBps: number;
}): TWhatIfResult {
  const rows = lines.map((line): TWhatIfRow => {
    const before = unitPrice(live, line, at);
    const after = unitPrice(draft, line, at);
    const delta = before !== null && after !== null ? after - before : null;
    const deltaBps = delta !== null && before ? Math.round((delta * 10_000) / before) : delta === 0 ? 0 : null;
    const flagged =
      (before === null) !== (after === null) ||
      (deltaBps !== null ? Math.abs(deltaBps) >= thresholdBps : delta !== null && delta !== 0);

    return {
      product: line.product.handle,
      productTitle: line.product.title ?? line.product.handle,
      sku: line.sku,
      organisationId: line.organisationId,
      quantity: line.quantity,
      configuration: describeConfiguration(line.configuration),
      live: before,
      draft: after,
      delta,
      deltaBps,
      flagged,
    };
  });

  return { rows, summary: summarise(rows), byOrganisation: byOrganisation(rows) };
}

function summarise(rows: TWhatIfRow[]): TWhatIfResult["summary"] {
  const count = (test: (row: TWhatIfRow) => boolean) => rows.filter(test).length;

  return {
    lines: rows.length,
    changed: count((row) => row.delta !== 0 || row.live === null || row.draft === null),
    increased: count((row) => (row.delta ?? 0) > 0),
    decreased: count((row) => (row.delta ?? 0) < 0),
    flagged: count((row) => row.flagged),
    losingPrice: count((row) => row.live !== null && row.draft === null),
    gainingPrice: count((row) => row.live === null && row.draft !== null),
  };
}

function byOrganisation(rows: TWhatIfRow[]): TWhatIfOrganisationSummary[] {
  const groups = new Map<string, TWhatIfRow[]>();
  for (const row of rows) {
    const group = groups.get(row.organisationId);
    if (group) group.push(row);
    else groups.set(row.organisationId, [row]);
  }

  return [...groups].map(([organisationId, group]) => {
    const compared = group.map((row) => row.deltaBps).filter((bps): bps is number => bps !== null);

    return {
      organisationId,
      lines: group.length,
      changed: group.filter((row) => row.delta !== 0).length,
      averageDeltaBps: compared.length ? Math.round(compared.reduce((sum, bps) => sum + bps, 0) / compared.length) : 0,
      largestIncreaseBps: compared.reduce((max, bps) => Math.max(max, bps), 0),
      largestDecreaseBps: compared.reduce((min, bps) => Math.min(min, bps), 0),
    };
  });
}
