// Exact money for the pricing engine. Amounts are BigInt in units of 10^-12 of a minor unit
// (cent), so base prices, surcharges and up to three compounded percentages are exact.
// The ONE rounding step: the final unit price is rounded half up to a whole minor unit.
// Line totals are that unit price times the quantity: no further rounding.

export const SCALE = 1_000_000_000_000n;
const HALF = SCALE / 2n;
const BPS_DENOMINATOR = 10_000n;

export type TExact = bigint;

export const fromMinor = (minor: number): TExact => BigInt(minor) * SCALE;

/** `value` × `bps` / 10000, truncated at 10^-12 cent (exact for ≤ 3 compounded percentages). */
export const percentOf = (value: TExact, bps: number): TExact => (value * BigInt(bps)) / BPS_DENOMINATOR;

/** Half up, to whole minor units: the documented rounding rule. */
export function roundToMinor(value: TExact): number {
  const rounded = value >= 0n ? (value + HALF) / SCALE : -((-value + HALF) / SCALE);

  return Number(rounded);
}
