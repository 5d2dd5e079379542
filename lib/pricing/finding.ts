// One problem the conflict detector found in a draft.

export type TFindingCode =
  | "MISSING_BASE_PRICE"
  | "DUPLICATE_BASE_PRICE"
  | "OVERLAPPING_DISCOUNTS"
  | "SHADOWED_RULE"
  | "EXPIRED_RULE"
  | "TIER_OVERLAP"
  | "TIER_GAP"
  | "UNKNOWN_PRODUCT"
  | "UNKNOWN_SKU"
  | "UNKNOWN_OPTION"
  | "UNKNOWN_OPTION_VALUE"
  | "UNKNOWN_ORGANISATION";

export type TFinding = {
  key: string;
  severity: "error" | "warning";
  code: TFindingCode;
  message: string;
  ruleIds: string[];
};

/** `subject` distinguishes findings about things other than rules (e.g. the SKU lacking a price). */
export function finding(
  severity: TFinding["severity"],
  code: TFindingCode,
  message: string,
  ruleIds: string[],
  subject = "",
): TFinding {
  const ids = [...ruleIds].sort();

  return { key: `${code}:${ids.join(",")}${subject ? `@${subject}` : ""}`, severity, code, message, ruleIds: ids };
}
