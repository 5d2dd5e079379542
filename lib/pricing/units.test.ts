import { describe, expect, it } from "vitest";
import { formatAmount, formatMoney, formatPercent, minorDigits, parseAmount, parsePercent } from "@/lib/pricing/units";

describe("pricing units", () => {
  it("parses amounts exactly in the currency's minor units", () => {
    expect(parseAmount("890", "EUR")).toBe(89_000);
    expect(parseAmount("890.5", "EUR")).toBe(89_050);
    expect(parseAmount("0.07", "EUR")).toBe(7);
    expect(parseAmount("-12,50", "EUR")).toBe(-1_250);
    expect(parseAmount("1200", "JPY")).toBe(1_200);
    expect(minorDigits("JPY")).toBe(0);
  });

  it("rejects what is not an amount", () => {
    for (const text of ["", "abc", "1.234", "1e3", "12.", " . ", "1 000"]) expect(parseAmount(text, "EUR")).toBeNull();
    expect(parseAmount("12.5", "JPY")).toBeNull();
  });

  it("round-trips amounts and percentages through their text form", () => {
    for (const minor of [0, 7, 89_050, -1_250, 123_456_789])
      expect(parseAmount(formatAmount(minor, "EUR"), "EUR")).toBe(minor);
    for (const bps of [0, 1, 1000, 1250, 10_000]) expect(parsePercent(formatPercent(bps))).toBe(bps);
    expect(formatAmount(5, "EUR")).toBe("0.05");
  });

  it("parses percentages to basis points and refuses negatives", () => {
    expect(parsePercent("10")).toBe(1000);
    expect(parsePercent("12.5%")).toBe(1250);
    expect(parsePercent("-5")).toBeNull();
    expect(parsePercent("1.234")).toBeNull();
  });

  it("formats money for people", () => {
    expect(formatMoney(89_050, "EUR")).toBe("€890.50");
  });
});
