import { describe, expect, it } from "vitest";
import {
  importHandle,
  productUpdate,
  variantUpdate,
  wantedVariant,
  WITHDRAWN_KEY,
  type TProductState,
} from "@/lib/catalog/odoo-import";

const ODOO = {
  sku: "CH-1",
  name: "Chair",
  description: null,
  listPriceMinor: 14_950,
  weightKg: 7.25,
  active: true,
  saleOk: true,
};
const WANTED = wantedVariant(ODOO, "EUR");
const price = (id: string, currency: string, amount: number, extra = {}) => ({
  id,
  currency_code: currency,
  amount,
  ...extra,
});

describe("wantedVariant", () => {
  it("takes the list price in the store currency, the weight in grams, none for zero", () => {
    expect(WANTED).toEqual({ title: "Chair", sku: "CH-1", weight: 7250, price: { currency: "eur", amount: 149.5 } });
    expect(wantedVariant({ ...ODOO, weightKg: 0 }, "usd").weight).toBeNull();
  });
});

describe("importHandle", () => {
  it("slugs the name and the SKU", () => {
    expect(importHandle("Bürostuhl «Ergo» 3000", "BS/ERGO_3000")).toBe("burostuhl-ergo-3000-bs-ergo-3000");
    expect(importHandle("", "X1")).toBe("x1");
  });
});

describe("variantUpdate", () => {
  const current = { title: "Chair", weight: 7250, prices: [price("p1", "eur", 149.5), price("p2", "usd", 160)] };

  it("is null when nothing differs", () => {
    expect(variantUpdate(current, WANTED, { ownsTitle: true })).toBeNull();
  });

  it("changes the base price in the store currency and sends the other prices back unchanged", () => {
    const update = variantUpdate(current, { ...WANTED, price: { currency: "eur", amount: 155 } }, { ownsTitle: true });
    expect(update).toEqual({
      prices: [
        { id: "p1", currency_code: "eur", amount: 155, min_quantity: null, max_quantity: null },
        { id: "p2", currency_code: "usd", amount: 160, min_quantity: null, max_quantity: null },
      ],
    });
  });

  it("keeps tier and rule prices, adds a base price when there is none", () => {
    const tiered = {
      ...current,
      prices: [
        price("t1", "eur", 120, { min_quantity: 10 }),
        price("r1", "eur", 130, { price_rules: [{ attribute: "region_id", value: "reg_1" }] }),
      ],
    };
    expect(variantUpdate(tiered, WANTED, { ownsTitle: true })!.prices).toEqual([
      { id: "t1", currency_code: "eur", amount: 120, min_quantity: 10, max_quantity: null },
      {
        id: "r1",
        currency_code: "eur",
        amount: 130,
        min_quantity: null,
        max_quantity: null,
        rules: { region_id: "reg_1" },
      },
      { currency_code: "eur", amount: 149.5 },
    ]);
  });

  it("changes the title only where the import owns it, and the weight", () => {
    const renamed = { ...WANTED, title: "Chair Pro", weight: null };
    expect(variantUpdate(current, renamed, { ownsTitle: false })).toEqual({ weight: null });
    expect(variantUpdate(current, renamed, { ownsTitle: true })).toEqual({ title: "Chair Pro", weight: null });
  });
});

describe("productUpdate", () => {
  const imported: TProductState = {
    title: "Chair",
    description: "Solid oak",
    status: "published",
    externalId: "odoo:product.product:7",
    metadata: { configurable: true },
    variantSkus: ["CH-1"],
  };
  const sides = (
    entries: [string, { active: boolean; saleOk: boolean; name?: string; description?: string | null }][],
  ) => new Map(entries.map(([sku, side]) => [sku, { name: "Chair", description: "Solid oak", ...side }]));

  it("unpublishes when every SKU is withdrawn, keeping the metadata it does not own", () => {
    expect(productUpdate(imported, sides([["CH-1", { active: false, saleOk: true }]]), "CH-1")).toEqual({
      status: "draft",
      metadata: { configurable: true, [WITHDRAWN_KEY]: true },
    });
    expect(productUpdate(imported, sides([["CH-1", { active: true, saleOk: false }]]), "CH-1")).toMatchObject({
      status: "draft",
    });
  });

  it("keeps a product published while a SKU is saleable or unknown to Odoo", () => {
    const two = { ...imported, variantSkus: ["CH-1", "CH-2"] };
    expect(productUpdate(two, sides([["CH-1", { active: false, saleOk: true }]]), "CH-1")).toBeNull();
    const both = sides([
      ["CH-1", { active: false, saleOk: true }],
      ["CH-2", { active: true, saleOk: true }],
    ]);
    expect(productUpdate(two, both, "CH-1")).toBeNull();
  });

  it("republishes only what it unpublished itself", () => {
    const saleable = sides([["CH-1", { active: true, saleOk: true }]]);
    expect(
      productUpdate({ ...imported, status: "draft", metadata: { [WITHDRAWN_KEY]: true } }, saleable, "CH-1"),
    ).toEqual({
      status: "published",
      metadata: { [WITHDRAWN_KEY]: false },
    });
    expect(productUpdate({ ...imported, status: "draft" }, saleable, "CH-1")).toBeNull();
  });

  it("follows Odoo's name and description only on products the import created", () => {
    const renamed = sides([["CH-1", { active: true, saleOk: true, name: "Chair Pro", description: null }]]);
    expect(productUpdate(imported, renamed, "CH-1")).toEqual({ title: "Chair Pro", description: null });
    expect(productUpdate({ ...imported, externalId: null }, renamed, "CH-1")).toBeNull();
  });
});
