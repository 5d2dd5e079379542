import { describe, expect, it } from "vitest";
import { describeAvailability } from "@/lib/erp/stock-availability";

describe("describeAvailability", () => {
  it("says how many are available, in the product's unit", () => {
    expect(describeAvailability({ configurable: false, totals: { onHand: 15, available: 12 } })).toEqual({
      kind: "in_stock",
      label: "In stock: 12",
      available: 12,
    });
    expect(describeAvailability({ configurable: false, totals: { onHand: 7.5, available: 7.5 } }).label).toBe(
      "In stock: 7.5",
    );
    expect(describeAvailability({ configurable: false, totals: { onHand: 1500, available: 1500 } }).label).toBe(
      "In stock: 1,500",
    );
  });

  it("is made to order for a configurable product, whatever the stock", () => {
    expect(describeAvailability({ configurable: true, totals: { onHand: 3, available: 3 } }).label).toBe(
      "Made to order",
    );
    expect(describeAvailability({ configurable: true, totals: null }).kind).toBe("made_to_order");
  });

  it("is back soon when everything on hand is reserved, out of stock when nothing is on hand", () => {
    expect(describeAvailability({ configurable: false, totals: { onHand: 4, available: 0 } }).label).toBe(
      "Back in stock soon",
    );
    expect(describeAvailability({ configurable: false, totals: { onHand: 4, available: -1 } }).kind).toBe("back_soon");
    expect(describeAvailability({ configurable: false, totals: { onHand: 0, available: 0 } }).label).toBe(
      "Out of stock",
    );
    expect(describeAvailability({ configurable: false, totals: null }).label).toBe("Out of stock");
  });
});
