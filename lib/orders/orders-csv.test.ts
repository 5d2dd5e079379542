import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { ordersCsv, type TOrderCsvRow } from "@/lib/orders/orders-csv";

const ROW: TOrderCsvRow = {
  reference: "TP-000123",
  submittedAt: new Date("2026-12-01T09:30:05.120Z"),
  placedAt: new Date("2026-12-01T09:30:07Z"),
  status: "PLACED",
  source: "CHECKOUT",
  buyerName: "Anna de Vries, Purchasing",
  buyerEmail: "anna@acme.example",
  poNumber: "=cmd|' /C calc'!A0",
  odooOrderName: "S00042",
  lineCount: 2,
  currency: "EUR",
  subtotalMinor: 242_100,
  shippingMinor: 0,
  taxMinor: 50_841,
  totalMinor: 292_941,
};

describe("ordersCsv", () => {
  it("writes one row per order: amounts as decimals with the currency, UTC times, labels, guarded text", () => {
    const text = ordersCsv([ROW, { ...ROW, reference: "TP-000124", currency: "JPY", totalMinor: -5, placedAt: null }]);
    const [header, first, second] = Papa.parse<string[]>(text.trimEnd(), { newline: "\r\n" }).data;
    expect(header).toEqual([
      "Reference",
      "Submitted (UTC)",
      "Placed (UTC)",
      "Status",
      "Source",
      "Buyer",
      "Buyer email",
      "PO number",
      "ERP reference",
      "Lines",
      "Currency",
      "Subtotal",
      "Shipping",
      "Tax",
      "Total",
    ]);
    expect(first).toEqual([
      "TP-000123",
      "2026-12-01 09:30:05",
      "2026-12-01 09:30:07",
      "Placed",
      "Online",
      "Anna de Vries, Purchasing",
      "anna@acme.example",
      "'=cmd|' /C calc'!A0",
      "S00042",
      "2",
      "EUR",
      "2421.00",
      "0.00",
      "508.41",
      "2929.41",
    ]);
    expect(second!.slice(0, 3)).toEqual(["TP-000124", "2026-12-01 09:30:05", ""]);
    expect(second!.slice(10)).toEqual(["JPY", "242100", "0", "50841", "-5"]);
  });
});
