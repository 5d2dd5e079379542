// How people type and read pricing numbers: amounts in currency units ("890.00", "-12.5")
// and percentages ("10", "12.5"). Parsed as text, never through floats, into the integer
// minor units and basis points the rules store.

const digitsCache = new Map<string, number>();

/** Minor-unit digits of a currency (EUR 2, JPY 0), as Intl knows them. */
export function minorDigits(currency: string): number {
  let digits = digitsCache.get(currency);
  if (digits === undefined) {
    digits = new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
    digitsCache.set(currency, digits);
  }

  return digits;
}

function parseDecimal(text: string, digits: number): number | null {
  const match = /^(-)?(\d{1,12})(?:[.,](\d+))?$/.exec(text.trim());
  if (!match) return null;
  const [, sign, whole, fraction = ""] = match;
  if (fraction.length > digits) return null;
  const value = Number(whole) * 10 ** digits + Number(fraction.padEnd(digits, "0") || "0");

  return sign ? -value : value;
}

/** "890.5" in EUR → 89050; null when it is not an amount with at most the currency's digits. */
export const parseAmount = (text: string, currency: string): number | null => parseDecimal(text, minorDigits(currency));

/** 89050 in EUR → "890.50" (no grouping: for inputs and CSV). */
export function formatAmount(minor: number, currency: string): string {
  const digits = minorDigits(currency);
  const sign = minor < 0 ? "-" : "";
  const absolute = Math.abs(minor);
  if (!digits) return `${sign}${absolute}`;
  const text = String(absolute).padStart(digits + 1, "0");

  return `${sign}${text.slice(0, -digits)}.${text.slice(-digits)}`;
}

/** "12.5" → 1250 basis points; null for anything else (negative, more than two decimals). */
export function parsePercent(text: string): number | null {
  const value = parseDecimal(text.replace(/%$/, ""), 2);

  return value === null || value < 0 ? null : value;
}

/** 1250 → "12.5" (for inputs and CSV). */
export const formatPercent = (bps: number): string => String(bps / 100);

/** €890.50, in the reader's terms. */
export function formatMoney(minor: number, currency: string, locale = "en-GB"): string {
  const digits = minorDigits(currency);

  return new Intl.NumberFormat(locale, { style: "currency", currency }).format(minor / 10 ** digits);
}
