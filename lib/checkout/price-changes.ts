import { createHash } from "node:crypto";

// A line whose price at checkout differs from what the buyer agreed to, and why. The buyer sees
// these line by line and must accept them (by the fingerprint of the new prices) before anything
// is placed; accepting one set of changes never accepts a later, different one.

export type TPriceChangeReason = "PRICE_LIST" | "MODEL" | "QUOTE_EXPIRED" | "TIER" | "OTHER";

export type TPriceChange = {
  lineId: string;
  title: string;
  summary: string;
  quantity: number;
  fromMinor: number;
  toMinor: number;
  reasons: TPriceChangeReason[];
};

const REASON_WORDS: Record<TPriceChangeReason, string> = {
  PRICE_LIST: "the price list changed",
  MODEL: "the product's options changed",
  QUOTE_EXPIRED: "the price quote expired",
  TIER: "a different volume tier applies",
  OTHER: "the price was calculated again",
};

export function describeReasons(reasons: readonly TPriceChangeReason[]): string {
  const words = (reasons.length ? reasons : (["OTHER"] as const)).map((reason) => REASON_WORDS[reason]);
  const text = words.join(", ");

  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function priceChangeReasons(facts: {
  oldVersionId: string;
  newVersionId: string;
  oldModelVersionId: string | null;
  newModelVersionId: string | null;
  quoteExpired: boolean;
  oldTierLabel: string | null;
  newTierLabel: string | null;
}): TPriceChangeReason[] {
  const reasons: TPriceChangeReason[] = [];
  if (facts.oldVersionId !== facts.newVersionId) reasons.push("PRICE_LIST");
  if (facts.oldModelVersionId !== facts.newModelVersionId) reasons.push("MODEL");
  if (facts.oldTierLabel !== facts.newTierLabel) reasons.push("TIER");
  if (facts.quoteExpired) reasons.push("QUOTE_EXPIRED");

  return reasons.length ? reasons : ["OTHER"];
}

/** Identifies one set of new prices: accepting it accepts exactly these. Pure. */
export function priceFingerprint(changes: readonly Pick<TPriceChange, "lineId" | "toMinor">[]): string {
  const text = [...changes]
    .sort((a, b) => a.lineId.localeCompare(b.lineId))
    .map((change) => `${change.lineId}:${change.toMinor}`)
    .join("|");

  return createHash("sha256").update(text).digest("hex").slice(0, 32);
}
