import type { TRuleKind } from "@/lib/pricing/rules";

/** A configuration: option code → value (choice, number, on/off, or several choices). */
export type TConfiguration = Record<string, string | number | boolean | string[]>;

export type TPriceRequest = {
  /** The variant SKU being priced (the base model of a configurable product). */
  sku: string;
  /** Product handle, and its categories, for surcharges, scoped discounts and tiers. */
  product: string;
  categories: string[];
  configuration: TConfiguration;
  organisationId: string;
  quantity: number;
  at: Date;
};

export type TBreakdownType =
  "base" | "tier_price" | "surcharge" | "contract" | "discount" | "tier" | "floor" | "rounding";

/** One line of the explanation shown to people; displayed amounts add up to the unit price. */
export type TBreakdownLine = { type: TBreakdownType; label: string; amountMinor: number; ruleId?: string };

export type TTraceEntry = { ruleId: string; kind: TRuleKind; outcome: "applied" | "skipped"; reason: string };

export type TPriceResult =
  | {
      ok: true;
      versionId: string;
      currency: string;
      quantity: number;
      unitPrice: number;
      lineTotal: number;
      breakdown: TBreakdownLine[];
      trace: TTraceEntry[];
    }
  | { ok: false; versionId: string; code: "NO_BASE_PRICE" | "INVALID_QUANTITY"; message: string; trace: TTraceEntry[] };
