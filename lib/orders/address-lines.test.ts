import { describe, expect, it } from "vitest";
import { addressLines } from "@/lib/orders/address-lines";

describe("addressLines", () => {
  it("reads a cached Odoo address snapshot as lines, blanks left out", () => {
    expect(
      addressLines({
        name: "Acme Interiors",
        street: "Keizersgracht 1",
        street2: "",
        zip: "1015 CJ",
        city: "Amsterdam",
        countryCode: "NL",
      }),
    ).toEqual(["Acme Interiors", "Keizersgracht 1", "1015 CJ Amsterdam", "Netherlands"]);
  });

  it("survives snapshots that are not objects or have odd fields", () => {
    expect(addressLines(null)).toEqual([]);
    expect(addressLines("Keizersgracht 1")).toEqual([]);
    expect(addressLines({ city: 12, street: "Main St 4", countryCode: "??" })).toEqual(["Main St 4", "??"]);
  });
});
