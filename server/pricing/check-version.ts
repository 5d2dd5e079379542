import "server-only";
import { detectConflicts, type TFinding } from "@/lib/pricing/conflicts";
import { loadPricingCatalog, type TPricingCatalog } from "@/server/pricing/load-catalog-facts";
import type { TVersionRecord } from "@/server/pricing/version-records";

export type TVersionCheck = {
  findings: TFinding[];
  errors: TFinding[];
  /** Warnings nobody has acknowledged yet; they block submitting and publishing too. */
  unacknowledged: TFinding[];
  catalogueAvailable: boolean;
  /** Why the version cannot be submitted or published now, in one sentence; null when it can. */
  blocker: string | null;
};

/** Runs the conflict detector on a version against the catalogue, as of its go-live (or now). */
export async function checkVersion(version: TVersionRecord, catalog?: TPricingCatalog): Promise<TVersionCheck> {
  const { facts, catalogueAvailable } = catalog ?? (await loadPricingCatalog());
  const findings = detectConflicts({
    rules: version.rules,
    policy: version.policy,
    currency: version.ruleSet.currency,
    facts,
    at: version.effectiveFrom ?? new Date(),
  });
  // Without the catalogue every product would look unknown: leave those findings out (and block publishing, below).
  const aboutCatalogue = new Set(["UNKNOWN_PRODUCT", "UNKNOWN_SKU", "UNKNOWN_OPTION", "UNKNOWN_OPTION_VALUE"]);
  const relevant = catalogueAvailable ? findings : findings.filter((item) => !aboutCatalogue.has(item.code));
  const errors = relevant.filter((item) => item.severity === "error");
  const unacknowledged = relevant.filter(
    (item) => item.severity === "warning" && !version.acknowledgedWarnings.includes(item.key),
  );
  const blocker = !catalogueAvailable
    ? "The catalogue cannot be reached, so the rules cannot be checked against it. Try again in a moment."
    : errors.length
      ? `${errors.length} error${errors.length === 1 ? "" : "s"} must be fixed first.`
      : unacknowledged.length
        ? `${unacknowledged.length} warning${unacknowledged.length === 1 ? "" : "s"} must be fixed or acknowledged first.`
        : null;

  return { findings: relevant, errors, unacknowledged, catalogueAvailable, blocker };
}
