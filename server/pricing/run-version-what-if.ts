import "server-only";
import { AppError } from "@/lib/errors";
import { buildWhatIfLines, runWhatIf, type TWhatIfResult } from "@/lib/pricing/what-if";
import { compileVersion, getCompiledVersion, getLiveVersionRef } from "@/server/pricing/get-live-pricing";
import { loadPricingCatalog } from "@/server/pricing/load-catalog-facts";
import { getVersionOrThrow } from "@/server/pricing/version-records";

const MAX_LINES = 500_000;
const MAX_ROWS_SHOWN = 2_000;

export type TWhatIfReport = TWhatIfResult & {
  liveVersion: number | null;
  versionNumber: number;
  organisations: Record<string, string>;
  rowsOmitted: number;
  durationMs: number;
};

/**
 * Prices every catalogue SKU (default configuration) × organisation × quantity under a
 * version and under the live one. Returns the summary over all lines and the rows with
 * the largest changes first (at most 2,000 for the browser).
 */
export async function runVersionWhatIf({
  versionId,
  quantities,
  thresholdBps,
  at,
}: {
  versionId: string;
  quantities: number[];
  thresholdBps: number;
  at: Date;
}): Promise<TWhatIfReport> {
  const started = performance.now();
  const version = await getVersionOrThrow(versionId);
  const catalog = await loadPricingCatalog();
  if (!catalog.catalogueAvailable)
    throw new AppError(
      "UPSTREAM_FAILED",
      "The catalogue cannot be reached right now, so there is nothing to price. Try again in a moment.",
    );
  const lines = buildWhatIfLines(
    catalog.facts.products,
    catalog.organisations.map((item) => item.id),
    quantities,
  );
  if (lines.length > MAX_LINES)
    throw new AppError(
      "LIMIT_EXCEEDED",
      `That would price ${lines.length.toLocaleString("en")} lines; choose fewer quantities (at most ${MAX_LINES.toLocaleString("en")} lines).`,
    );
  const liveRef = await getLiveVersionRef(version.ruleSet.currency, at);
  const live = liveRef ? await getCompiledVersion(liveRef.id) : null;
  const result = runWhatIf({ draft: compileVersion(version), live, lines, at, thresholdBps });
  const magnitude = (row: TWhatIfResult["rows"][number]) => (row.flagged ? 1e9 : 0) + Math.abs(row.deltaBps ?? 0);
  const rows = [...result.rows].sort((a, b) => magnitude(b) - magnitude(a)).slice(0, MAX_ROWS_SHOWN);

  return {
    ...result,
    rows,
    rowsOmitted: result.rows.length - rows.length,
    liveVersion: liveRef?.number ?? null,
    versionNumber: version.number,
    organisations: Object.fromEntries(catalog.organisations.map((item) => [item.id, item.name])),
    durationMs: Math.round(performance.now() - started),
  };
}
