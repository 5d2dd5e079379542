import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemoData } from "../../prisma/seed/demo-data";
import { testDb } from "../../test/support/db";
import { defaultConfiguration } from "@/lib/pricing/catalog";
import { priceLine } from "@/lib/pricing/evaluate";
import { createQuoteToken, verifyQuoteToken } from "@/lib/pricing/quote";
import { getEnv } from "@/server/env";
import { getCompiledVersion, getLivePricing } from "@/server/pricing/get-live-pricing";
import { loadPricingCatalog } from "@/server/pricing/load-catalog-facts";
import { checkQuote, quotePrice, type TQuoteRequest } from "@/server/pricing/quote-price";

// Against the demo seed's published EUR price list and the real Medusa demo catalogue.
const db = testDb();
afterAll(() => db.$disconnect());

let acme: string;
let borealis: string;

beforeAll(async () => {
  await seedDemoData(db, { password: "tradepost-demo" });
  [acme, borealis] = (
    await db.organisation.findMany({
      where: { name: { in: ["Acme Interiors", "Borealis Fitouts"] } },
      orderBy: { name: "asc" },
    })
  ).map((organisation) => organisation.id) as [string, string];
});

const table = (organisationId: string, quantity = 2): TQuoteRequest => ({
  currency: "EUR",
  sku: "TBL-ATELIER-WALNUT",
  product: "made-to-measure-table",
  categories: ["tables"],
  configuration: { width_mm: 1800, depth_mm: 800, legs: "oak", cable_port: true },
  organisationId,
  quantity,
});

describe("the pricing catalogue", () => {
  it("reads SKUs, categories and configurable options from the Medusa products", async () => {
    const { facts, catalogueAvailable, organisations } = await loadPricingCatalog();
    expect(catalogueAvailable).toBe(true);
    expect(facts.products.find((product) => product.handle === "made-to-measure-table")).toMatchObject({
      skus: expect.arrayContaining(["TBL-ATELIER-OAK", "TBL-ATELIER-WALNUT", "TBL-ATELIER-GLASS"]),
      categories: ["tables"],
      options: expect.arrayContaining([
        expect.objectContaining({ code: "width_mm", kind: "number", min: 600, max: 2400, step: 10, unit: "mm" }),
        expect.objectContaining({ code: "legs", kind: "choice", values: ["steel", "oak"] }),
      ]),
    });
    expect(organisations.map((organisation) => organisation.name)).toEqual(
      expect.arrayContaining(["Acme Interiors", "Borealis Fitouts"]),
    );
  });
});

describe("the demo price list", () => {
  it("prices every demo product for the two demo organisations differently", async () => {
    const { facts } = await loadPricingCatalog();
    const compiled = (await getLivePricing("EUR"))!;
    const at = new Date();
    const prices = facts.products.flatMap((product) =>
      product.skus.map((sku) => {
        const price = (organisationId: string) =>
          priceLine(compiled, {
            sku,
            product: product.handle,
            categories: product.categories,
            configuration: defaultConfiguration(product.options),
            organisationId,
            quantity: 1,
            at,
          });

        return { sku, acme: price(acme), borealis: price(borealis) };
      }),
    );
    expect(prices.map((line) => line.sku).sort()).toEqual([
      "ACC-ARM-DUAL",
      "ACC-FEET-M8",
      "ACC-GROMMET-80",
      "ACC-SCREEN-1200",
      "ACC-SCREEN-1600",
      "ACC-TRAY-800",
      "CBL-ASSY-CAT6A",
      "CBL-ASSY-OM4",
      "CBL-PATCH-10",
      "TBL-ATELIER-GLASS",
      "TBL-ATELIER-OAK",
      "TBL-ATELIER-WALNUT",
    ]);
    for (const line of prices) {
      expect(line.acme.ok && line.borealis.ok, line.sku).toBe(true);
      if (line.acme.ok && line.borealis.ok) expect(line.acme.unitPrice, line.sku).not.toBe(line.borealis.unitPrice);
    }
  });

  it("explains a configured price: base, surcharges, the organisation discount", async () => {
    const { result } = await quotePrice(table(acme));
    // Walnut 1090.00 + width 1800 (6 × 15.00) + oak legs 120.00 + cable port 45.00 = 1345.00, −10 % = 1210.50
    expect(result.unitPrice).toBe(121_050);
    expect(result.lineTotal).toBe(242_100);
    expect(result.breakdown.map((line) => [line.type, line.amountMinor])).toEqual([
      ["base", 109_000],
      ["surcharge", 9_000],
      ["surcharge", 12_000],
      ["surcharge", 4_500],
      ["discount", -13_450],
    ]);
  });
});

describe("signed price quotes", () => {
  it("signs the price with the configuration, organisation, quantity, currency and version, and verifies it", async () => {
    const now = new Date();
    const quote = await quotePrice(table(acme), now);
    const check = checkQuote(quote.token, table(acme), now);
    expect(check).toMatchObject({
      ok: true,
      payload: { sku: "TBL-ATELIER-WALNUT", org: acme, qty: 2, cur: "EUR", rsv: quote.result.versionId, unit: 121_050 },
    });
    expect(quote.expiresAt.getTime() - now.getTime()).toBe(getEnv().PRICING_QUOTE_TTL_MINUTES * 60_000);
  });

  it.each([
    ["another organisation", () => table(borealis)],
    ["another quantity", () => table(acme, 3)],
    [
      "another configuration",
      () => ({ ...table(acme), configuration: { ...table(acme).configuration, width_mm: 1810 } }),
    ],
    ["another SKU", () => ({ ...table(acme), sku: "TBL-ATELIER-OAK" })],
    ["another currency", () => ({ ...table(acme), currency: "USD" })],
  ])("refuses a quote presented for %s", async (_label, other) => {
    const quote = await quotePrice(table(acme));
    expect(checkQuote(quote.token, other())).toEqual({
      ok: false,
      reason: "MISMATCH",
      message: expect.stringMatching(/issued for another/),
    });
  });

  it("refuses a tampered token, one signed with another key, and an expired one", async () => {
    const now = new Date();
    const quote = await quotePrice(table(acme), now);
    const [body, signature] = quote.token.split(".") as [string, string];
    const payload = JSON.parse(Buffer.from(body, "base64url").toString()) as Record<string, unknown>;
    const cheaper = `${Buffer.from(JSON.stringify({ ...payload, unit: 1 })).toString("base64url")}.${signature}`;
    expect(checkQuote(cheaper, table(acme), now)).toMatchObject({ ok: false, reason: "BAD_SIGNATURE" });
    const { v: _v, ...fields } = payload as { v: number } & Parameters<typeof createQuoteToken>[0];
    expect(
      checkQuote(createQuoteToken(fields, "someone-elses-secret-someone-elses-secret"), table(acme), now),
    ).toMatchObject({ ok: false, reason: "BAD_SIGNATURE" });
    expect(checkQuote("not-a-token", table(acme), now)).toMatchObject({ ok: false, reason: "MALFORMED" });
    const later = new Date(quote.expiresAt.getTime() + 1_000);
    expect(checkQuote(quote.token, table(acme), later)).toEqual({
      ok: false,
      reason: "EXPIRED",
      message: expect.stringMatching(/expired/),
    });
  });

  it("pins the version: the price can be re-derived from the version in the token", async () => {
    const quote = await quotePrice(table(acme));
    const verified = verifyQuoteToken(quote.token, getEnv().PRICING_QUOTE_SECRET, new Date());
    const pinned = await getCompiledVersion(verified.ok ? verified.payload.rsv : "");
    const again = priceLine(pinned, { ...table(acme), at: new Date() });
    expect(again.ok && again.unitPrice).toBe(quote.result.unitPrice);
  });

  it("refuses to quote a currency without published prices", async () => {
    await expect(quotePrice({ ...table(acme), currency: "JPY" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
