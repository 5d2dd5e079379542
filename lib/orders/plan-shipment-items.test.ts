import { describe, expect, it } from "vitest";
import { odooLineText, planShipmentItems } from "./plan-shipment-items";

const items = [
  { id: "a", title: "Chair", sku: "CHAIR", quantity: 5, fulfilledQuantity: 0 },
  { id: "b", title: "Desk", sku: "DESK", quantity: 2, fulfilledQuantity: 2 },
  { id: "c", title: "Special cable, 12 m", sku: null, quantity: 3, fulfilledQuantity: 1 },
];

describe("planShipmentItems", () => {
  it("matches by SKU, custom lines by title, never beyond what is left to fulfil", () => {
    expect(
      planShipmentItems(items, [
        { sku: "CHAIR", title: "Chair", quantity: 3 },
        { sku: "DESK", title: "Desk", quantity: 1 },
        { sku: null, title: "Special cable, 12 m", quantity: 5 },
        { sku: "UNKNOWN", title: "Other", quantity: 1 },
      ]),
    ).toEqual([
      { lineItemId: "a", quantity: 3 },
      { lineItemId: "c", quantity: 2 },
    ]);
  });

  it("a product Medusa does not sell matches its custom line by title", () => {
    expect(planShipmentItems(items, [{ sku: "ODOO-ONLY", title: "Special cable, 12 m", quantity: 1 }])).toEqual([
      { lineItemId: "c", quantity: 1 },
    ]);
  });

  it("a backorder takes what the first delivery left", () => {
    const after = items.map((item) => (item.id === "a" ? { ...item, fulfilledQuantity: 3 } : item));
    expect(planShipmentItems(after, [{ sku: "CHAIR", title: "Chair", quantity: 2 }])).toEqual([
      { lineItemId: "a", quantity: 2 },
    ]);
  });
});

describe("odooLineText", () => {
  it("names a line by its product, keeps the sales description apart, falls back to the text", () => {
    expect(odooLineText("[ACC-1] Desk screen\nFelt, 12 mm", "Desk screen")).toEqual({
      title: "Desk screen",
      detail: "Felt, 12 mm",
    });
    expect(odooLineText("Freight surcharge", null)).toEqual({ title: "Freight surcharge", detail: "" });
  });
});
